package dev.livelog.web;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * A drill-down, {@code GET /api/events?group=&series=&from=&to=&where=&limit=&after=[&split=]}, read
 * from its query parameters into the analyzer's {@code livelog.query.events} request. Times
 * are read as {@link QueryRequest}'s ({@code to} defaults to now), {@code limit} is a whole
 * number; the series, the where-language and the cursor are passed on as text. Only syntax is
 * checked here: what they mean and the query limits are the analyzer's, relayed from there.
 */
record EventsRequest(String group, String series, long from, long to, String where, Long limit,
    String after, String split) implements QueryHandler.GroupRequest {

  /** @throws IllegalArgumentException saying which parameter is wrong and why */
  static EventsRequest parse(Function<String, String> params, long now) {
    String group = params.apply("group");
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("query parameter 'group' is required");
    }
    if (params.apply("from") == null) {
      throw new IllegalArgumentException("query parameter 'from' is required, e.g. -5m or 2025-11-25T10:00:00Z");
    }
    long from = QueryRequest.time("from", params.apply("from"), now);
    long to = params.apply("to") == null ? now : QueryRequest.time("to", params.apply("to"), now);
    return new EventsRequest(group, params.apply("series"), from, to, params.apply("where"),
        limit(params.apply("limit")), params.apply("after"), params.apply("split"));
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("group", group).put("from", from).put("to", to);
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
