package dev.livelog.web;

import dev.livelog.common.config.Durations;
import dev.livelog.common.where.WhereText;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A zoom into the past, {@code GET /api/query?group=&from=&to=&step=&split=}, read from its query
 * parameters into the analyzer's {@code livelog.query} request (epoch milliseconds).
 * Times are ISO-8601 with an offset ({@code 2025-11-25T10:00:00Z}), epoch milliseconds,
 * {@code now}, or a duration before now ({@code -1h}); {@code to} defaults to now. The step is
 * a duration ({@code 30s}, {@code 5m}), absent to let the analyzer choose; {@code split} a field
 * to split the group's series by.
 *
 * <p>Only the syntax is checked here, with exact arithmetic (a value that does not fit is a
 * 400, never a wrap-around): the limits (time range, retention, points) are the analyzer's
 * {@code QueryLimits}, checked where the query runs, and relayed from there.
 */
record QueryRequest(String group, long from, long to, Long step, String split)
    implements QueryHandler.GroupRequest {

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
    String step = params.apply("step");
    return new QueryRequest(group, from, to, step == null ? null : step(step), split(params.apply("split")));
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("group", group).put("from", from).put("to", to);
    if (step != null) {
      json.put("step", step);
    }
    return split == null ? json : json.put("split", split);
  }

  /** The field a chart is split by ({@code host}, {@code $host}, {@code source}), or null. */
  private static String split(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return WhereText.fieldName(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'split' " + e.getMessage());
    }
  }

  /**
   * A time parameter: ISO-8601 with an offset, epoch milliseconds, {@code now}, or a duration
   * before now; {@code /api/events} reads its times the same way.
   */
  static long time(String name, String text, long now) {
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

  private static long step(String text) {
    try {
      return Durations.parse(text).toMillis();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'step' " + e.getMessage());
    }
  }
}
