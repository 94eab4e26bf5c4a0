package dev.livelog.parser;

import dev.livelog.common.config.ConfigException;
import dev.livelog.parser.time.TimeParser;
import dev.livelog.parser.time.TimeParsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field types a format can declare ({@code types: {ups_rt: seconds}}) and their
 * converters: text, integers, numbers, seconds (including nginx's multi-upstream lists such as
 * {@code 0.010, 0.020 : 0.031}, see {@link #perTry}), booleans, and times given as strptime
 * patterns. Numbers and times are read in place in the line, without a substring.
 */
public final class ValueTypes {
  public static final ValueType TEXT = raw -> raw;
  public static final ValueType INTEGER = new IntegerType();
  public static final ValueType NUMBER = new NumberType();
  public static final ValueType SECONDS = perTry(NUMBER);
  public static final ValueType BOOLEAN = ValueTypes::parseBoolean;

  /** The names a user may write, for error messages. */
  public static final String KNOWN =
      "string, int, float, seconds, bool, or a time pattern such as \"%d/%b/%Y:%H:%M:%S %z\" "
          + "(also: iso8601, epoch)";

  /** Boxed small integers (status codes, small sizes), shared rather than allocated per line. */
  private static final Long[] SMALL = new Long[1024];
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = (long) i;
    }
  }

  private ValueTypes() {}

  /**
   * The converter for a declared type name.
   *
   * @throws IllegalArgumentException naming the allowed types when the name is unknown
   */
  public static ValueType named(String type) {
    return switch (type.trim().toLowerCase(Locale.ROOT)) {
      case "string", "str", "text" -> TEXT;
      case "int", "integer", "long" -> INTEGER;
      case "float", "double", "number" -> NUMBER;
      case "seconds", "duration" -> SECONDS;
      case "bool", "boolean" -> BOOLEAN;
      default -> time(TimeParsers.named(type));
    };
  }

  /**
   * A format's declared types by field, for the format kinds that take {@code types}.
   *
   * @param fields the fields a type may name, when the format knows them before reading lines
   * @throws ConfigException on {@code types.FIELD}: no such field, or no such type
   */
  public static Map<String, ValueType> declared(Map<String, String> declared, Set<String> fields) {
    Map<String, ValueType> types = new HashMap<>();
    declared.forEach((field, type) -> {
      if (fields != null && !fields.contains(field)) {
        throw new ConfigException("types." + field, "the format has no field '" + field
            + "'; its fields: " + String.join(", ", fields));
      }
      try {
        types.put(field, named(type));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("types." + field, e.getMessage() + "; known types: " + KNOWN);
      }
    });
    return types;
  }

  /** A time type: the value is an {@link Instant}. */
  public static ValueType time(TimeParser parser) {
    return new TimeValue(parser);
  }

  /** Consecutive lines mostly share their second: the last instant is reused, not rebuilt. */
  private static final class TimeValue implements ValueType {
    private final TimeParser parser;
    private Instant last = Instant.EPOCH;

    TimeValue(TimeParser parser) {
      this.parser = parser;
    }

    @Override
    public Object convert(String raw) {
      return instant(parser.parse(raw));
    }

    @Override
    public Object convert(String line, int start, int end) {
      return instant(parser.parse(line, start, end));
    }

    private Instant instant(long millis) {
      if (millis != last.toEpochMilli()) {
        last = Instant.ofEpochMilli(millis);
      }
      return last;
    }
  }

  private static final class IntegerType implements ValueType {
    @Override
    public Object convert(String raw) {
      return convert(raw, 0, raw.length());
    }

    @Override
    public Object convert(String line, int start, int end) {
      int n = end - start;
      boolean negative = n > 0 && line.charAt(start) == '-';
      int first = negative ? start + 1 : start;
      if (first == end || end - first > 18) {
        return parseLongSlowly(line.substring(start, end));
      }
      long v = 0;
      for (int i = first; i < end; i++) {
        char c = line.charAt(i);
        if (c < '0' || c > '9') {
          return parseLongSlowly(line.substring(start, end));
        }
        v = v * 10 + (c - '0');
      }
      if (negative) {
        return -v;
      }
      return v < SMALL.length ? SMALL[(int) v] : Long.valueOf(v);
    }
  }

  /** Blanks around, more than 18 digits: the rare cases {@link Long#parseLong} decides. */
  private static Long parseLongSlowly(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer: '" + raw + "'");
    }
  }

  private static final class NumberType implements ValueType {
    @Override
    public Object convert(String raw) {
      return convert(raw, 0, raw.length());
    }

    @Override
    public Object convert(String line, int start, int end) {
      double fast = simpleDecimal(line, start, end);
      if (!Double.isNaN(fast)) {
        return fast;
      }
      return parseDouble(line.substring(start, end));
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
   * A plain decimal such as {@code 0.083} or {@code -12}, read without
   * {@link Double#parseDouble}: up to 15 digits are exact in a long, and dividing by an exact
   * power of ten rounds correctly, so the result is the same double. NaN for anything else.
   */
  static double simpleDecimal(String s, int start, int end) {
    if (end <= start || end - start > 17) {
      return Double.NaN;
    }
    boolean negative = s.charAt(start) == '-';
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (int i = negative ? start + 1 : start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || digits > 15) {
      return Double.NaN;
    }
    double v = fraction <= 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
    return negative ? -v : v;
  }

  /**
   * A variable nginx writes once per upstream server tried ({@code $upstream_addr},
   * {@code $upstream_status}, {@code $upstream_response_time}, ...): one value as
   * {@code item} reads it; several, separated by {@code ", "} (the next server of a group) and
   * {@code " : "} (an internal redirect to another group), a list in the order tried, where a
   * {@code -} (a server that gave no answer) is absent (null), so that the lists of one request
   * line up. Numeric lists count as their total in metrics (the time all tries took).
   */
  public static ValueType perTry(ValueType item) {
    return new PerTry(item);
  }

  private record PerTry(ValueType item) implements ValueType {
    @Override
    public Object convert(String raw) {
      return convert(raw, 0, raw.length());
    }

    @Override
    public Object convert(String line, int start, int end) {
      int separator = nextSeparator(line, start, end);
      if (separator < 0) {
        return entry(line, start, end);
      }
      List<Object> tries = new ArrayList<>(4);
      int from = start;
      while (separator >= 0) {
        tries.add(entry(line, from, separator));
        from = separator + 1;
        separator = nextSeparator(line, from, end);
      }
      tries.add(entry(line, from, end));
      return Collections.unmodifiableList(tries);
    }

    /** A ',' or a ':' with a blank before it (an address's own ':' has none). */
    private static int nextSeparator(String line, int from, int end) {
      for (int i = from; i < end; i++) {
        char c = line.charAt(i);
        if (c == ',' || (c == ':' && i > from && line.charAt(i - 1) == ' ')) {
          return i;
        }
      }
      return -1;
    }

    private Object entry(String line, int start, int end) {
      while (start < end && line.charAt(start) == ' ') {
        start++;
      }
      while (end > start && line.charAt(end - 1) == ' ') {
        end--;
      }
      if (start == end || (end == start + 1 && line.charAt(start) == '-')) {
        return null;
      }
      return item.convert(line, start, end);
    }
  }

  static Boolean parseBoolean(String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> Boolean.TRUE;
      case "0", "false", "no", "off", "" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: '" + raw + "'");
    };
  }
}
