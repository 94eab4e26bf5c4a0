package dev.livelog.web;

import dev.livelog.common.config.Durations;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * What every request over a group's stored data names first: the group, and the time range
 * {@code from} (required) {@code to} (now when absent), in epoch milliseconds. Times are
 * ISO-8601 with an offset ({@code 2025-11-25T10:00:00Z}), epoch milliseconds, {@code now}, or
 * a duration before now ({@code -1h}), read with exact arithmetic: a value that does not fit
 * is refused, never wrapped around.
 */
record GroupRange(String group, long from, long to) {

  /**
   * @param fromExample a {@code from} the message for a missing one suggests
   * @throws IllegalArgumentException saying which parameter is wrong and why
   */
  static GroupRange parse(Function<String, String> params, long now, String fromExample) {
    String group = params.apply("group");
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("query parameter 'group' is required");
    }
    if (params.apply("from") == null) {
      throw new IllegalArgumentException("query parameter 'from' is required, e.g. " + fromExample
          + " or 2025-11-25T10:00:00Z");
    }
    long from = time("from", params.apply("from"), now);
    long to = params.apply("to") == null ? now : time("to", params.apply("to"), now);
    return new GroupRange(group, from, to);
  }

  /** {@code {group, from, to}}: how the analyzer's requests begin. */
  JsonObject toJson() {
    return new JsonObject().put("group", group).put("from", from).put("to", to);
  }

  private static long time(String name, String text, long now) {
    String t = text.trim();
    try {
      if (t.equals("now")) {
        return now;
      }
      if (t.matches("\\d+")) {
        return Long.parseLong(t);
      }
      if (t.startsWith("-")) {
        return Math.subtractExact(now, Durations.parse(t.substring(1)).toMillis());
      }
      return t.endsWith("Z") ? Instant.parse(t).toEpochMilli() : OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' must be ISO-8601 with an offset"
          + " (2025-11-25T10:00:00Z), epoch milliseconds, now, or a duration before now (-1h),"
          + " from 1970 to a day ahead; got '" + text + "'");
    }
  }
}
