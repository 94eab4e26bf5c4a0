package dev.livelog.web;

import dev.livelog.common.config.Durations;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * A chart's baseline, {@code GET /api/baseline?group=&offset=&from=&to=&step=}: the range and
 * step of the chart as {@link QueryRequest} reads them, and how much earlier ({@code offset}, a
 * duration: {@code 1d}, {@code 7d}), read into the analyzer's {@code livelog.baseline} request.
 */
record BaselineRequest(QueryRequest chart, long offset) implements QueryHandler.GroupRequest {
  /** A chart's range and step (not its split: baselines are not split) and the offset. */
  static final List<String> PARAMETERS = List.of("group", "offset", "from", "to", "step");

  /** @throws IllegalArgumentException saying which parameter is wrong and why */
  static BaselineRequest parse(Function<String, String> params, long now) {
    QueryRequest chart = QueryRequest.parse(params, now);
    if (chart.step() != null && chart.step() <= 0) {
      // Said here in the units it was written in: the analyzer only sees milliseconds.
      throw new IllegalArgumentException("'step' must be a duration longer than 0, such as 5s; got '"
          + params.apply("step") + "'");
    }
    String offset = params.apply("offset");
    if (offset == null) {
      throw new IllegalArgumentException("query parameter 'offset' is required, e.g. 1d or 7d");
    }
    try {
      return new BaselineRequest(chart, Durations.parse(offset).toMillis());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("'offset' must be a duration such as 1d or 7d; got '"
          + offset + "'");
    }
  }

  @Override
  public String group() {
    return chart.group();
  }

  @Override
  public JsonObject toJson() {
    return chart.toJson().put("offset", offset);
  }
}
