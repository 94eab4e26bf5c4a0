package dev.livelog.parser.json;

import dev.livelog.parser.LineRejected;
import dev.livelog.parser.nginx.NginxEscape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The json format's reader, hand-written: no tree, no token objects, and a key repeated from the
 * previous line is compared in place in the line and handed on as the same instance. It earns
 * its place by measurement, narrowly: 1.52-1.63x Jackson's streaming parser on nginx's
 * escape=json lines on one thread ({@code bench/json.sh}, see docs/ARCHITECTURE.md). Laxer than JSON where nginx is: an unknown
 * escape (nginx's default {@code \x22}) is kept as written and a leading zero is read, so such
 * lines are not lost.
 */
final class JsonReader implements JsonObjectReader {
  /** The previous line's key per leaf index (top-level keys only). */
  private String[] lastKeys = new String[16];
  private int leaf;

  private String line;
  private int pos;
  private boolean lastEscaped;
  private boolean lastWhole;
  /** The next backslash at or after {@code backslashFrom}, or -1: found once per line, not per string. */
  private int backslashFrom;
  private int nextBackslash;

  @Override
  public void read(String text, Leaves sink) throws LineRejected {
    line = text;
    pos = 0;
    leaf = 0;
    backslashFrom = Integer.MAX_VALUE;
    skipBlanks();
    object("", sink, 0);
    skipBlanks();
    if (pos != line.length()) {
      throw new LineRejected("unexpected text after the JSON object", pos);
    }
  }

  /** The decoded text of a key at these positions. */
  private String key(int start, int end, boolean escaped) {
    String raw = line.substring(start, end);
    return escaped ? NginxEscape.JSON.decode(raw) : raw;
  }

  /** The next leaf's dotted key: the previous line's instance when the line repeats it. */
  private String leafKey(String prefix, int keyStart, int keyEnd, boolean escaped) {
    if (leaf == lastKeys.length) {
      lastKeys = Arrays.copyOf(lastKeys, leaf * 2);
    }
    String cached = lastKeys[leaf];
    boolean same = prefix.isEmpty() && !escaped && cached != null
        && cached.length() == keyEnd - keyStart && line.startsWith(cached, keyStart);
    String key = same ? cached : prefix + key(keyStart, keyEnd, escaped);
    lastKeys[leaf++] = key;
    return key;
  }

  private void object(String prefix, Leaves sink, int depth) throws LineRejected {
    expect('{');
    skipBlanks();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipBlanks();
      expect('"');
      int keyStart = pos;
      int keyEnd = stringEnd();
      boolean keyEscaped = lastEscaped;
      pos = keyEnd + 1;
      skipBlanks();
      expect(':');
      skipBlanks();
      char c = peek();
      if (c == '{') {
        if (depth >= MAX_DEPTH) {
          throw new LineRejected("JSON nested deeper than " + MAX_DEPTH + " objects", pos);
        }
        object(prefix + key(keyStart, keyEnd, keyEscaped) + ".", sink, depth + 1);
      } else {
        leaf(prefix, keyStart, keyEnd, keyEscaped, sink, depth);
      }
      skipBlanks();
      char next = peek();
      pos++;
      if (next == '}') {
        return;
      }
      if (next != ',') {
        throw new LineRejected("expected ',' or '}' in the JSON object", pos - 1);
      }
    }
  }

  private void leaf(String prefix, int keyStart, int keyEnd, boolean keyEscaped, Leaves sink,
      int depth) throws LineRejected {
    char c = peek();
    if (c == '"') {
      String value = string();
      sink.leaf(leafKey(prefix, keyStart, keyEnd, keyEscaped), Kind.STRING, value);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      String number = number();
      sink.leaf(leafKey(prefix, keyStart, keyEnd, keyEscaped), lastWhole ? Kind.WHOLE : Kind.NUMBER,
          number);
    } else if (c == '[') {
      List<Object> items = array(depth + 1);
      sink.leaf(leafKey(prefix, keyStart, keyEnd, keyEscaped), Kind.OTHER, items);
    } else {
      Object literal = literal();
      if (literal != null) {
        sink.leaf(leafKey(prefix, keyStart, keyEnd, keyEscaped), Kind.OTHER, literal);
      }
    }
  }

  private List<Object> array(int depth) throws LineRejected {
    if (depth > MAX_DEPTH) {
      throw new LineRejected("JSON nested deeper than " + MAX_DEPTH + " levels", pos);
    }
    expect('[');
    List<Object> items = new ArrayList<>();
    skipBlanks();
    if (peek() == ']') {
      pos++;
      return items;
    }
    while (true) {
      skipBlanks();
      items.add(arrayItem(depth));
      skipBlanks();
      char next = peek();
      pos++;
      if (next == ']') {
        return Collections.unmodifiableList(items);
      }
      if (next != ',') {
        throw new LineRejected("expected ',' or ']' in a JSON array", pos - 1);
      }
    }
  }

  private Object arrayItem(int depth) throws LineRejected {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      String number = number();
      return JsonNumbers.value(number, lastWhole, pos);
    }
    if (c == '[') {
      return array(depth + 1);
    }
    if (c == '{') {
      int start = pos;
      object("", (key, kind, value) -> { }, depth + 1);
      return line.substring(start, pos); // an object in an array stays JSON text
    }
    return literal();
  }

  /** true, false or null (which is absent). */
  private Object literal() throws LineRejected {
    if (line.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (line.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (line.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    throw new LineRejected("expected a JSON value", pos);
  }

  private String string() throws LineRejected {
    expect('"');
    int start = pos;
    int end = stringEnd();
    pos = end + 1;
    String raw = line.substring(start, end);
    return lastEscaped ? NginxEscape.JSON.decode(raw) : raw;
  }

  /** The position of the quote closing the string that starts at {@code pos}. */
  private int stringEnd() throws LineRejected {
    int quote = line.indexOf('"', pos);
    if (pos < backslashFrom || (nextBackslash >= 0 && nextBackslash < pos)) {
      nextBackslash = line.indexOf('\\', pos);
      backslashFrom = pos;
    }
    if (quote >= 0 && (nextBackslash < 0 || nextBackslash > quote)) {
      lastEscaped = false;
      return quote;
    }
    lastEscaped = false;
    for (int i = pos; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        lastEscaped = true;
        i++;
      }
    }
    throw new LineRejected("unterminated JSON string", pos);
  }

  private String number() {
    int start = pos;
    boolean whole = true;
    for (; pos < line.length(); pos++) {
      char c = line.charAt(pos);
      if (c == '.' || c == 'e' || c == 'E' || c == '+') {
        whole = false;
      } else if ((c < '0' || c > '9') && c != '-') {
        break;
      }
    }
    lastWhole = whole;
    return line.substring(start, pos);
  }

  private char peek() throws LineRejected {
    if (pos >= line.length()) {
      throw new LineRejected("the JSON object ends early", pos);
    }
    return line.charAt(pos);
  }

  private void expect(char c) throws LineRejected {
    if (peek() != c) {
      throw new LineRejected("expected '" + c + "' in JSON", pos);
    }
    pos++;
  }

  private void skipBlanks() {
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      pos++;
    }
  }
}
