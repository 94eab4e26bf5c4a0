package dev.livelog.analyzer;

import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.Filter;
import dev.livelog.common.where.WhereText;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.EventCursor;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import dev.livelog.store.query.QueryLimits;
import dev.livelog.store.query.QueryRefused;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@code livelog.query.events}, the drill-down: {@code {group, series, from, to,
 * where, limit, after[, split]}} to the stored events behind a series of a group (split by a
 * field when the chart clicked was, as {@code livelog.query} splits it) over {@code [from,
 * to)}, newest first, with their lines: {@code {group, series, from, to, total, next,
 * events}}. The events are those the analyzer counts for that series (the group's
 * {@code where}, the analyzer's, the series' key, what its metric adds: {@link
 * GroupPlan#eventsOf}) that also pass {@code where} (the where-language, {@link WhereText}).
 * Held to the same {@link QueryLimits} as {@code livelog.query} (one count of running queries
 * for both): 400 naming the parameter, 404 for an unknown group, 429, 504.
 */
final class EventsRequests {
  private final Vertx vertx;
  private final StoredSeries plans;
  private final EventStore store;
  private final QueryLimits limits;
  private final ShownSeries shown;

  EventsRequests(Vertx vertx, StoredSeries plans, EventStore store, QueryLimits limits,
      ShownSeries shown) {
    this.vertx = vertx;
    this.plans = plans;
    this.store = store;
    this.limits = limits;
    this.shown = shown;
  }

  void answer(Message<JsonObject> request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    String group = body.getValue("group") instanceof String name ? name : null;
    GroupPlan plan = group == null ? null : plans.plan(group);
    if (plan == null) {
      request.fail(404, "unknown plot group '" + body.getValue("group") + "'");
      return;
    }
    GroupPlan split;
    EventsQuery query;
    try {
      split = QueryRequests.split(plan, body.getValue("split"));
      query = query(split, body);
    } catch (QueryRefused refused) {
      QueryRefused.fail(request, refused);
      return;
    }
    String series = text(body, "series");
    limits.run(vertx, deadline -> (!split.folds(series) ? Future.succeededFuture(query)
            : shown.of(split, split != plan, query.from(), query.to(), deadline)
                .map(names -> withShown(query, split, body, names)))
            .compose(q -> store.eventsPage(q, deadline)))
        .onSuccess(page -> request.reply(new JsonObject().put("group", group)
            .put("series", body.getValue("series")).put("split", body.getValue("split"))
            .put("from", query.from()).put("to", query.to())
            .put("total", page.total())
            .put("next", page.next() == null ? null : page.next().encode())
            .put("events", events(page))))
        .onFailure(e -> QueryRefused.fail(request, e));
  }

  /**
   * The query of every parameter, checked ({@link QueryRefused}, 400, naming the parameter that
   * is wrong); an {@code other} series is the group's values not shown by name, which
   * {@link #withShown} tells once the point's series are known.
   */
  private EventsQuery query(GroupPlan plan, JsonObject body) {
    QueryLimits.Range range = limits.range(body, System.currentTimeMillis());
    String series = text(body, "series");
    List<Filter> filters = new ArrayList<>(series(plan, series, List.of()));
    filters.addAll(where(body));
    return new EventsQuery(range.from(), range.to(), filters, limit(body),
        EventCursor.decode(text(body, "after")));
  }

  /** The query with the filters of its series as a point that showed {@code shown} meant them. */
  private static EventsQuery withShown(EventsQuery query, GroupPlan plan, JsonObject body,
      Collection<String> shown) {
    List<Filter> filters = new ArrayList<>(series(plan, text(body, "series"), shown));
    filters.addAll(where(body));
    return new EventsQuery(query.from(), query.to(), filters, query.limit(), query.after());
  }

  private static List<Filter> where(JsonObject body) {
    try {
      Filter where = WhereText.parse(text(body, "where"));
      EventFilter.compileLinear(where); // its regexes in the syntax the stores run (RE2)
      return where.isEmpty() ? List.of() : List.of(where);
    } catch (IllegalArgumentException e) {
      throw QueryRefused.badRequest("'where' " + e.getMessage());
    }
  }

  private static List<Filter> series(GroupPlan plan, String series, Collection<String> shown) {
    Optional<List<Filter>> filters;
    try {
      filters = plan.eventsOf(series, shown);
    } catch (IllegalArgumentException e) {
      throw QueryRefused.badRequest("'series' " + e.getMessage());
    }
    return filters.orElseThrow(() -> QueryRefused.badRequest("'series': group '" + plan.name()
        + "' has no series '" + series + "'; its series are named in its datapoints"
        + (plan.declaredSeries().isEmpty() ? "" : ", e.g. " + String.join(", ",
            plan.declaredSeries().subList(0, Math.min(5, plan.declaredSeries().size()))))));
  }

  /** The page size: {@value EventsQuery#DEFAULT_LIMIT} when absent, at most {@value EventsQuery#MAX_LIMIT}. */
  private static int limit(JsonObject body) {
    Object limit = body.getValue("limit");
    if (limit == null) {
      return EventsQuery.DEFAULT_LIMIT;
    }
    if (!(limit instanceof Integer || limit instanceof Long) || ((Number) limit).longValue() < 1) {
      throw QueryRefused.badRequest("'limit' must be a whole number of events, at least 1; got " + limit);
    }
    return (int) Math.min(EventsQuery.MAX_LIMIT, ((Number) limit).longValue());
  }

  private static String text(JsonObject body, String name) {
    Object value = body.getValue(name);
    if (value != null && !(value instanceof String)) {
      throw QueryRefused.badRequest("'" + name + "' must be text; got " + value);
    }
    return (String) value;
  }

  private static JsonArray events(EventsPage page) {
    JsonArray out = new JsonArray();
    for (EventsPage.Stored s : page.events()) {
      LogEvent e = s.event();
      JsonObject fields = new JsonObject();
      for (Map.Entry<String, Object> f : e.fields().entrySet()) {
        fields.put(f.getKey(), json(f.getValue()));
      }
      out.add(new JsonObject().put("id", e.source() + ":" + s.fileId() + ":" + e.offset())
          .put("time", e.time()).put("source", e.source()).put("host", s.host())
          .put("path", s.path()).put("fields", fields).put("line", e.line()));
    }
    return out;
  }

  /** A field value as JSON: times as ISO-8601 text, lists as arrays, numbers JSON cannot hold as text. */
  private static Object json(Object value) {
    if (value instanceof Instant t) {
      return t.toString();
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(json(v)));
      return array;
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      return d.toString();
    }
    return value;
  }
}
