package dev.livelog.alert;

import java.util.Locale;

/** Numbers as alerts show them. */
final class Numbers {
  private Numbers() {}

  /** A number without a needless fraction: 5, 0.5, 99.9. */
  static String plain(double n) {
    if (n == Math.rint(n) && Math.abs(n) < 1e15) {
      return Long.toString((long) n);
    }
    return Double.toString(n);
  }

  /** A value in a group's {@code format} (e.g. {@code %.2f}); plain when the format fails. */
  static String formatted(String format, Double value) {
    if (value == null) {
      return "no value";
    }
    try {
      return String.format(Locale.ROOT, format, value);
    } catch (java.util.IllegalFormatException e) {
      return plain(value);
    }
  }
}
