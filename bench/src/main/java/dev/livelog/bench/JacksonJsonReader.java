package dev.livelog.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueTypes;
import dev.livelog.parser.json.JsonObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The peer of the json format's hand-written reader in {@code bench/json.sh}: the same
 * {@link JsonObjectReader} on Jackson's streaming parser ({@link JsonParser}), no tree, one
 * token at a time. Jackson interns field names, so a top-level key repeated from the previous
 * line is the same instance; dotted keys of nested objects are remembered per leaf for the same
 * effect. Strict JSON, except control characters in strings (as nginx's escape=none writes
 * them): on the lines the benchmark reads, both give the same events.
 */
public final class JacksonJsonReader implements JsonObjectReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
      .build();

  private String line;
  /** Per leaf index, the last line's prefix, name and the dotted key made of them. */
  private String[] prefixes = new String[16];
  private String[] names = new String[16];
  private String[] keys = new String[16];
  private int leaf;

  @Override
  public void read(String text, Leaves leaves) throws LineRejected {
    line = text;
    leaf = 0;
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new LineRejected(text.isBlank() ? "the JSON object ends early" : "expected '{' in JSON",
            offset(p));
      }
      object(p, "", leaves, 0);
      if (p.nextToken() != null) {
        throw new LineRejected("unexpected text after the JSON object", offset(p));
      }
    } catch (JsonProcessingException e) {
      int at = e.getLocation() == null ? -1 : (int) e.getLocation().getCharOffset();
      throw new LineRejected("not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), at);
    } catch (IOException e) {
      throw new LineRejected("not JSON: " + e.getMessage(), -1); // no I/O: the input is a String
    }
  }

  private static int offset(JsonParser p) {
    return (int) p.currentTokenLocation().getCharOffset();
  }

  private void object(JsonParser p, String prefix, Leaves leaves, int depth) throws IOException, LineRejected {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      JsonToken value = t == null ? null : p.nextToken();
      if (value == null) { // Jackson reports an early end itself; never loop on one
        throw new LineRejected("the JSON object ends early", line.length());
      }
      String name = p.currentName();
      if (value == JsonToken.START_OBJECT) {
        if (depth >= MAX_DEPTH) {
          throw new LineRejected("JSON nested deeper than " + MAX_DEPTH + " objects", offset(p));
        }
        object(p, prefix + name + ".", leaves, depth + 1);
        continue;
      }
      switch (value) {
        case VALUE_STRING -> leaves.leaf(key(prefix, name), Kind.STRING, p.getText());
        case VALUE_NUMBER_INT -> leaves.leaf(key(prefix, name), Kind.WHOLE, p.getText());
        case VALUE_NUMBER_FLOAT -> leaves.leaf(key(prefix, name), Kind.NUMBER, p.getText());
        case VALUE_TRUE -> leaves.leaf(key(prefix, name), Kind.OTHER, Boolean.TRUE);
        case VALUE_FALSE -> leaves.leaf(key(prefix, name), Kind.OTHER, Boolean.FALSE);
        case START_ARRAY -> leaves.leaf(key(prefix, name), Kind.OTHER, array(p, depth + 1));
        default -> { } // null: absent
      }
    }
  }

  /** The dotted key of the next leaf, the previous line's instance when it is the same. */
  private String key(String prefix, String name) {
    if (leaf == keys.length) {
      prefixes = Arrays.copyOf(prefixes, leaf * 2);
      names = Arrays.copyOf(names, leaf * 2);
      keys = Arrays.copyOf(keys, leaf * 2);
    }
    int i = leaf++;
    if (prefix.isEmpty()) {
      return name;
    }
    if (names[i] != name || !prefix.equals(prefixes[i])) {
      prefixes[i] = prefix;
      names[i] = name;
      keys[i] = prefix + name;
    }
    return keys[i];
  }

  private List<Object> array(JsonParser p, int depth) throws IOException, LineRejected {
    if (depth > MAX_DEPTH) {
      throw new LineRejected("JSON nested deeper than " + MAX_DEPTH + " levels", offset(p));
    }
    List<Object> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new LineRejected("the JSON array ends early", line.length());
      }
      items.add(switch (t) {
        case VALUE_STRING -> p.getText();
        case VALUE_NUMBER_INT -> number(p.getText(), true, offset(p));
        case VALUE_NUMBER_FLOAT -> number(p.getText(), false, offset(p));
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case START_ARRAY -> array(p, depth + 1);
        case START_OBJECT -> objectText(p);
        default -> null;
      });
    }
    return Collections.unmodifiableList(items);
  }

  /** A number's text as a Long when it is whole and fits, else a Double, as the parser does. */
  private static Object number(String text, boolean whole, int at) throws LineRejected {
    try {
      return whole && text.length() <= 18 ? ValueTypes.INTEGER.convert(text)
          : ValueTypes.NUMBER.convert(text);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("not a JSON number: '" + text + "'", at);
    }
  }

  /** An object inside an array stays JSON text. */
  private String objectText(JsonParser p) throws IOException {
    int start = offset(p);
    p.skipChildren();
    return line.substring(start, (int) p.currentLocation().getCharOffset());
  }
}
