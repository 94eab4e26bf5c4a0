package dev.livelog.web;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * A drill-down, {@code GET /api/events?group=&series=&from=&to=&where=&limit=&after=[&split=]}, read
 * from its query parameters into the analyzer's {@code livelog.query.events} request. The group
 * and times are read by {@link GroupRange}, the split field as {@link QueryRequest}'s,
 * {@code limit} is a whole number; the series, the where-language and the cursor are passed on
 * as text. Only syntax is checked here: what they mean and the query limits are the
 * analyzer's, relayed from there.
 */
record EventsRequest(GroupRange range, String series, String where, Long limit, String after,
    String split) implements QueryHandler.GroupRequest {
  /** The query parameters read here, as {@link StoredDataRoute} tells routes apart by them. */
  static final List<String> PARAMETERS =
      List.of("group", "series", "from", "to", "where", "limit", "after", "split");

  /** @throws IllegalArgumentException saying which parameter is wrong and why */
  static EventsRequest parse(Function<String, String> params, long now) {
    return new EventsRequest(GroupRange.parse(params, now, "-5m"), params.apply("series"),
        params.apply("where"), limit(params.apply("limit")), params.apply("after"),
        QueryRequest.split(params.apply("split")));
  }

  @Override
  public String group() {
    return range.group();
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = range.toJson();
    putIfSet(json, "series", series);
    putIfSet(json, "where", where);
    putIfSet(json, "after", after);
    putIfSet(json, "split", split);
    return limit == null ? json : json.put("limit", limit);
  }

  private static void putIfSet(JsonObject json, String name, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(name, value);
    }
  }

  private static Long limit(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'limit' must be a whole number of events; got '" + text + "'");
    }
  }
}
