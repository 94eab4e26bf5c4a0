package dev.livelog.parser.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Time parsers by the name a format declares: a strptime pattern, {@code iso8601} or {@code epoch}. */
public final class TimeParsers {
  /** nginx's {@code $time_local}, the common log format's time. */
  public static final String NGINX_LOCAL = "%d/%b/%Y:%H:%M:%S %z";

  private TimeParsers() {}

  public static TimeParser named(String type) {
    String t = type.trim();
    if (t.equalsIgnoreCase("iso8601")) {
      return iso8601();
    }
    if (t.equalsIgnoreCase("epoch") || t.equalsIgnoreCase("msec")) {
      return remembering(TimeParsers::parseEpochSeconds);
    }
    if (t.equals(NGINX_LOCAL)) {
      return new NginxLocalTimeParser();
    }
    if (t.indexOf('%') < 0) {
      throw new IllegalArgumentException("unknown type '" + type + "'");
    }
    return new StrptimeParser(t, ZoneId.systemDefault());
  }

  /** {@code $time_iso8601}, remembering the last text (lines mostly share their second). */
  public static TimeParser iso8601() {
    return remembering(TimeParsers::parseIso8601);
  }

  /** A parser that answers a repeated text from memory: one instance per thread. */
  public static TimeParser remembering(TimeParser parser) {
    return new TimeParser() {
      private String lastText;
      private long lastMillis;

      @Override
      public long parse(String text) {
        if (!text.equals(lastText)) {
          lastMillis = parser.parse(text);
          lastText = text;
        }
        return lastMillis;
      }
    };
  }

  /** {@code $time_iso8601}: {@code 2026-11-25T10:00:00+01:00}. */
  public static long parseIso8601(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("not an ISO-8601 time: '" + text + "'");
      }
    }
  }

  /** {@code $msec}: seconds since the epoch with a millisecond fraction, {@code 1764064800.123}. */
  public static long parseEpochSeconds(String text) {
    try {
      return Math.round(Double.parseDouble(text.trim()) * 1000.0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not seconds since the epoch: '" + text + "'");
    }
  }
}
