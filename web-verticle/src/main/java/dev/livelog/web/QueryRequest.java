package dev.livelog.web;

import dev.livelog.common.config.Durations;
import dev.livelog.common.where.WhereText;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * A zoom into the past, {@code GET /api/query?group=&from=&to=&step=&split=}, read from its query
 * parameters into the analyzer's {@code livelog.query} request (epoch milliseconds): the group
 * and its range as {@link GroupRange} reads them; the step a duration ({@code 30s}, {@code 5m}),
 * absent to let the analyzer choose; {@code split} a field to split the group's series by.
 *
 * <p>Only the syntax is checked here, with exact arithmetic (a value that does not fit is a
 * 400, never a wrap-around): the limits (time range, retention, points) are the analyzer's
 * {@code QueryLimits}, checked where the query runs, and relayed from there.
 */
record QueryRequest(String group, long from, long to, Long step, String split)
    implements QueryHandler.GroupRequest {
  /** The query parameters read here, as {@link StoredDataRoute} tells routes apart by them. */
  static final List<String> PARAMETERS = List.of("group", "from", "to", "step", "split");

  /** @throws IllegalArgumentException saying which parameter is wrong and why */
  static QueryRequest parse(Function<String, String> params, long now) {
    GroupRange range = GroupRange.parse(params, now, "-1h");
    String step = params.apply("step");
    return new QueryRequest(range.group(), range.from(), range.to(), step == null ? null : step(step),
        split(params.apply("split")));
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new GroupRange(group, from, to).toJson();
    if (step != null) {
      json.put("step", step);
    }
    return split == null ? json : json.put("split", split);
  }

  /**
   * The field a chart is split by ({@code host}, {@code $host}, {@code source}), or null;
   * {@code /api/events} reads a split chart's field the same way.
   */
  static String split(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return WhereText.fieldName(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'split' " + e.getMessage());
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
