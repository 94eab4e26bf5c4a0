package dev.livelog.parser;

import dev.livelog.parser.time.TimeParser;
import dev.livelog.parser.time.TimeParsers;
import java.util.ArrayList;
import java.util.List;

/**
 * The field types a format can declare ({@code types: {ups_rt: seconds}}) and their
 * converters: text, integers, numbers, seconds (including nginx's multi-upstream lists such as
 * {@code 0.010, 0.020 : 0.031}), booleans, and times given as strptime patterns.
 */
public final class ValueTypes {
  public static final ValueType TEXT = raw -> raw;
  public static final ValueType INTEGER = ValueTypes::parseLong;
  public static final ValueType NUMBER = ValueTypes::parseDouble;
  public static final ValueType SECONDS = ValueTypes::parseSeconds;
  public static final ValueType BOOLEAN = ValueTypes::parseBoolean;

  private ValueTypes() {}

  /** The names a user may write, for error messages. */
  public static final String KNOWN =
      "string, int, float, seconds, bool, or a time pattern such as \"%d/%b/%Y:%H:%M:%S %z\" "
          + "(also: iso8601, epoch)";

  /**
   * The converter for a declared type name.
   *
   * @throws IllegalArgumentException naming the allowed types when the name is unknown
   */
  public static ValueType named(String type) {
    return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "string", "str", "text" -> TEXT;
      case "int", "integer", "long" -> INTEGER;
      case "float", "double", "number" -> NUMBER;
      case "seconds", "duration" -> SECONDS;
      case "bool", "boolean" -> BOOLEAN;
      default -> time(TimeParsers.named(type));
    };
  }

  /** A time type: the value is an {@link java.time.Instant}. */
  public static ValueType time(TimeParser parser) {
    return raw -> java.time.Instant.ofEpochMilli(parser.parse(raw));
  }

  static Long parseLong(String raw) {
    String s = raw.trim();
    int n = s.length();
    if (n == 0 || n > 18) {
      return tryParseLong(s);
    }
    long v = 0;
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      throw new IllegalArgumentException("not an integer: '" + raw + "'");
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not an integer: '" + raw + "'");
      }
      v = v * 10 + (c - '0');
    }
    return s.charAt(0) == '-' ? -v : v;
  }

  private static Long tryParseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer: '" + s + "'");
    }
  }

  static Double parseDouble(String raw) {
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + raw + "'");
    }
  }

  /**
   * Seconds as nginx writes them: one value ({@code 0.012}), or one per upstream tried,
   * separated by {@code ,} (next server) and {@code :} (internal redirect). A single value
   * stays a number; several become a list, whose total is what averages use. A {@code -} in a
   * list (an upstream that did not answer) is skipped.
   */
  static Object parseSeconds(String raw) {
    if (raw.indexOf(',') < 0 && raw.indexOf(':') < 0) {
      return parseDouble(raw);
    }
    List<Double> values = new ArrayList<>(4);
    for (String part : raw.split("[,:]")) {
      String p = part.trim();
      if (!p.isEmpty() && !p.equals("-")) {
        values.add(parseDouble(p));
      }
    }
    return java.util.Collections.unmodifiableList(values);
  }

  static Boolean parseBoolean(String raw) {
    return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "yes", "on" -> Boolean.TRUE;
      case "0", "false", "no", "off", "" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: '" + raw + "'");
    };
  }
}
