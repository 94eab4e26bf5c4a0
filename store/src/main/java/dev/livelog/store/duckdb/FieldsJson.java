package dev.livelog.store.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Typed field values as JSON text that keeps their Java types: text, booleans and lists as in
 * JSON, a {@link Long} as an integer, a {@link Double} always with a fraction or exponent, and
 * what JSON cannot tell apart as a one-key object: {@code {"instant":"2024-05-01T10:00:00Z"}},
 * {@code {"double":"NaN"}}. Absent values are {@code null}, so the field list survives. A value
 * of any other type is kept as its text: one odd value must not block every later append.
 *
 * <p>Writing is hand-rolled because it is on the append hot path; reading uses Jackson's
 * streaming parser, which tells integer tokens from fractional ones.
 */
final class FieldsJson {
  static final String INSTANT_TAG = "instant";
  static final String DOUBLE_TAG = "double";
  private static final JsonFactory JSON = new JsonFactory();

  private FieldsJson() {}

  /** Field names and values as they were written, in order. */
  record Fields(List<String> names, Object[] values) {}

  /** An event's fields, absent ones as null. */
  static String write(LogEvent event) {
    FieldSchema schema = event.schema();
    return write(schema.size(), schema::name, event::value);
  }

  /** Fields by name, in order (values may be null). */
  static String write(List<String> names, List<?> values) {
    return write(names.size(), names::get, values::get);
  }

  /** A datapoint's series. */
  static String write(Map<String, Double> series) {
    List<String> names = new ArrayList<>(series.keySet());
    return write(names, new ArrayList<>(series.values())); // values may be null
  }

  private static String write(int size, IntFunction<String> name, IntFunction<Object> value) {
    StringBuilder out = new StringBuilder(32 + 24 * size);
    out.append('{');
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(out, name.apply(i));
      out.append(':');
      writeValue(out, value.apply(i));
    }
    return out.append('}').toString();
  }

  /** A list value as JSON that keeps its elements' types. */
  static String writeList(List<?> list) {
    StringBuilder out = new StringBuilder(16 + 8 * list.size());
    writeList(out, list);
    return out.toString();
  }

  /** Reads what {@link #writeList(List)} wrote. */
  static List<Object> readList(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_ARRAY, json);
      return java.util.Collections.unmodifiableList(readList(parser, json));
    } catch (IOException e) {
      throw new UncheckedIOException("a stored list is not valid JSON: " + json, e);
    }
  }

  static Fields read(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, json);
      List<String> names = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        names.add(parser.currentName());
        values.add(readValue(parser, parser.nextToken(), json));
      }
      return new Fields(names, values.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("stored fields are not valid JSON: " + json, e);
    }
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      writeDouble(out, ((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Instant instant) {
      out.append("{\"").append(INSTANT_TAG).append("\":\"").append(instant).append("\"}");
    } else if (value instanceof List<?> list) {
      writeList(out, list);
    } else {
      writeString(out, value.toString()); // not a field type: its text, rather than no append
    }
  }

  private static void writeList(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeValue(out, list.get(i));
    }
    out.append(']');
  }

  private static void writeDouble(StringBuilder out, double d) {
    if (Double.isFinite(d)) {
      out.append(d); // Double.toString always has a '.' or an exponent: read back as a double
    } else {
      out.append("{\"").append(DOUBLE_TAG).append("\":\"").append(d).append("\"}");
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            // Control characters are not allowed raw in JSON; a lone surrogate is not UTF-8.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  private static Object readValue(JsonParser parser, JsonToken token, String json)
      throws IOException {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case START_ARRAY -> readList(parser, json);
      case START_OBJECT -> readTagged(parser, json);
      default -> throw new IOException("unexpected " + token + " in stored fields " + json);
    };
  }

  private static List<Object> readList(JsonParser parser, String json) throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      list.add(readValue(parser, t, json));
    }
    return list;
  }

  private static Object readTagged(JsonParser parser, String json) throws IOException {
    expect(parser.nextToken(), JsonToken.FIELD_NAME, json);
    String tag = parser.currentName();
    expect(parser.nextToken(), JsonToken.VALUE_STRING, json);
    String text = parser.getText();
    expect(parser.nextToken(), JsonToken.END_OBJECT, json);
    return switch (tag) {
      case INSTANT_TAG -> Instant.parse(text);
      case DOUBLE_TAG -> Double.valueOf(text);
      default -> throw new IOException("unknown value tag '" + tag + "' in stored fields " + json);
    };
  }

  private static void expect(JsonToken actual, JsonToken expected, String json)
      throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but got " + actual + " in " + json);
    }
  }
}
