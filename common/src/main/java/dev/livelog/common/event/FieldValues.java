package dev.livelog.common.event;

import java.time.Instant;
import java.util.List;

/** Conversions of typed field values for comparisons, metrics and display. */
public final class FieldValues {
  private FieldValues() {}

  /** A numeric view: numbers as they are, a list by its total, numeric text parsed, else NaN. */
  public static double toDouble(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof List<?> list) {
      double total = 0;
      for (Object item : list) {
        double d = toDouble(item);
        if (!Double.isNaN(d)) {
          total += d;
        }
      }
      return total;
    }
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof String s && !s.isEmpty()) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * How many upstream tries a value lists (nginx's per-try variables): a list's entries, 1 for
   * a single value, 0 when absent.
   */
  public static int tries(Object value) {
    return value instanceof List<?> tries ? tries.size() : value == null ? 0 : 1;
  }

  /** Text as a user would write it in a filter or see it in a legend. */
  public static String toText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }
}
