package dev.livelog.web;

import dev.livelog.common.config.Durations;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * A zoom into the past, {@code GET /api/query?group=&from=&to=&step=}, read from its query
 * parameters into the analyzer's {@code livelog.query} request (epoch milliseconds).
 * Times are ISO-8601 with an offset ({@code 2025-11-25T10:00:00Z}), epoch milliseconds,
 * {@code now}, or a duration before now ({@code -1h}); {@code to} defaults to now. The step is
 * a duration ({@code 30s}, {@code 5m}); without one it is chosen for about
 * {@value #DEFAULT_POINTS} points, and no request may ask for more than {@value #MAX_POINTS}.
 */
record QueryRequest(String group, long from, long to, long step) {
  static final int DEFAULT_POINTS = 300;
  static final int MAX_POINTS = 2_000;
  private static final long SECOND = 1_000;

  /** @throws IllegalArgumentException saying which parameter is wrong and why */
  static QueryRequest parse(Function<String, String> params, long now) {
    String group = params.apply("group");
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("query parameter 'group' is required");
    }
    if (params.apply("from") == null) {
      throw new IllegalArgumentException("query parameter 'from' is required, e.g. -1h or 2025-11-25T10:00:00Z");
    }
    long from = time("from", params.apply("from"), now);
    long to = params.apply("to") == null ? now : time("to", params.apply("to"), now);
    if (from >= to) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    String stepText = params.apply("step");
    long step = stepText == null ? defaultStep(to - from) : step(stepText);
    long points = ceilDiv(to - from, step);
    if (points > MAX_POINTS) {
      throw new IllegalArgumentException("that is " + points + " points, at most " + MAX_POINTS
          + " are served: use a step of at least " + Durations.format(Duration.ofMillis(defaultStep(to - from, MAX_POINTS))));
    }
    return new QueryRequest(group, from, to, step);
  }

  JsonObject toJson() {
    return new JsonObject().put("group", group).put("from", from).put("to", to).put("step", step);
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
        return now - Durations.parse(t.substring(1)).toMillis();
      }
      return t.endsWith("Z") ? Instant.parse(t).toEpochMilli() : OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' must be ISO-8601 with an offset"
          + " (2025-11-25T10:00:00Z), epoch milliseconds, now, or a duration before now (-1h); got '" + text + "'");
    }
  }

  private static long step(String text) {
    long ms;
    try {
      ms = Durations.parse(text).toMillis();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'step' " + e.getMessage());
    }
    if (ms < SECOND || ms % SECOND != 0) {
      throw new IllegalArgumentException("'step' must be a whole number of seconds, at least 1s; got '" + text + "'");
    }
    return ms;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static long defaultStep(long span) {
    return defaultStep(span, DEFAULT_POINTS);
  }

  /** The shortest whole-second step that covers {@code span} in at most {@code points}. */
  private static long defaultStep(long span, int points) {
    return Math.max(SECOND, ceilDiv(ceilDiv(span, points), SECOND) * SECOND);
  }
}
