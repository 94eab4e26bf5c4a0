package dev.livelog.common.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in YAML: {@code 5s}, {@code 5m5s}, {@code 100ms}, {@code 7d}. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /** Parses a duration; a bare number means seconds. */
  public static Duration parse(String text) {
    String s = text.trim();
    if (s.matches("\\d+(\\.\\d+)?")) {
      return Duration.ofMillis(millis(Double.parseDouble(s), 1000, text));
    }
    Matcher m = PART.matcher(s);
    long millis = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double n = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      };
      millis = addMillis(millis, millis(n, unit, text), text);
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw new IllegalArgumentException(
          "expected a duration such as 500ms, 5s, 5m5s, 1h or 7d, got '" + text + "'");
    }
    return Duration.ofMillis(millis);
  }

  /** {@code n} units in milliseconds; too many to count in a long is an error, not a wrap. */
  private static long millis(double n, long unit, String text) {
    double ms = n * unit;
    if (ms >= Long.MAX_VALUE) {
      throw tooLong(text);
    }
    return Math.round(ms);
  }

  private static long addMillis(long a, long b, String text) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw tooLong(text);
    }
  }

  private static IllegalArgumentException tooLong(String text) {
    return new IllegalArgumentException("the duration '" + text + "' is too long (at most about 292 million years)");
  }

  /** The shortest text that {@link #parse} reads back to the same duration. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long[] units = {86_400_000, 3_600_000, 60_000, 1_000, 1};
    String[] names = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        out.append(ms / units[i]).append(names[i]);
        ms %= units[i];
      }
    }
    return out.toString();
  }
}
