package dev.livelog.analyzer;

import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.Condition;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.common.where.WhereText;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.Deadline;
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
 * events, absent_fields, present_fields}} (the last two say why a filter let nothing through:
 * {@link FieldsHere}). The events are those the analyzer counts for that series (the group's
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
    Filter where;
    EventsQuery query;
    try {
      split = QueryRequests.split(plan, body.getValue("split"));
      where = where(body);
      query = query(split, body, where);
    } catch (QueryRefused refused) {
      QueryRefused.fail(request, refused);
      return;
    }
    String series = text(body, "series");
    limits.run(vertx, deadline -> (!split.folds(series) ? Future.succeededFuture(query)
            : shown.of(split, split != plan, query.from(), query.to(), deadline)
                .map(names -> withShown(query, split, body, names, where)))
            .compose(q -> store.eventsPage(q, deadline).compose(page -> page.total() > 0
                ? Future.succeededFuture(new Answer(page, FieldsHere.NONE))
                : fieldsHere(q, where, deadline).map(fields -> new Answer(page, fields)))))
        .onSuccess(answer -> request.reply(new JsonObject().put("group", group)
            .put("series", body.getValue("series")).put("split", body.getValue("split"))
            .put("from", query.from()).put("to", query.to())
            .put("total", answer.page().total())
            .put("next", answer.page().next() == null ? null : answer.page().next().encode())
            .put("events", events(answer.page()))
            .put("absent_fields", new JsonArray(answer.fields().absent()))
            .put("present_fields", new JsonArray(answer.fields().present()))))
        .onFailure(e -> QueryRefused.fail(request, e));
  }

  private record Answer(EventsPage page, FieldsHere fields) {}

  /**
   * What a filter that let nothing through named: the fields it names that no event of the
   * series over the range carries ({@code absent}: misspelt, or another format's, such as
   * {@code cache} where the format calls the cache status {@code status}), and the fields of
   * the series' newest event there ({@code present}), so the panel can say why the list is
   * empty. Both empty when the filter names no absent field or the series has no events.
   */
  record FieldsHere(List<String> absent, List<String> present) {
    static final FieldsHere NONE = new FieldsHere(List.of(), List.of());
  }

  /**
   * The {@link FieldsHere} of an empty answer to {@code query}: one count of the series without
   * {@code where}, then one for each field {@code where} names (at most
   * {@value WhereText#MAX_CONDITIONS}), each with the field present; under the query's deadline
   * and asked only when nothing passed, so a filter that lists events costs nothing more.
   */
  private Future<FieldsHere> fieldsHere(EventsQuery query, Filter where, Deadline deadline) {
    if (where.isEmpty()) {
      return Future.succeededFuture(FieldsHere.NONE);
    }
    List<Filter> series = query.filters().stream().filter(f -> f != where).toList();
    return store.eventsPage(new EventsQuery(query.from(), query.to(), series, 1, null), deadline)
        .compose(all -> {
          if (all.total() == 0) {
            return Future.succeededFuture(FieldsHere.NONE);
          }
          List<String> present = new ArrayList<>();
          all.events().get(0).event().fields().forEach((name, value) -> {
            if (value != null) {
              present.add(name);
            }
          });
          Future<List<String>> absent = Future.succeededFuture(new ArrayList<>());
          for (String field : where.conditions().stream().map(FieldCondition::field).distinct().toList()) {
            List<Filter> carrying = new ArrayList<>(series);
            carrying.add(new Filter(List.of(new FieldCondition(field, new Condition.Present(true))), false));
            EventsQuery withField = new EventsQuery(query.from(), query.to(), carrying, 1, null);
            absent = absent.compose(found -> store.eventsPage(withField, deadline).map(page -> {
              if (page.total() == 0) {
                found.add(field);
              }
              return found;
            }));
          }
          return absent.map(found -> found.isEmpty() ? FieldsHere.NONE : new FieldsHere(found, present));
        });
  }

  /**
   * The query of every parameter, checked ({@link QueryRefused}, 400, naming the parameter that
   * is wrong); an {@code other} series is the group's values not shown by name, which
   * {@link #withShown} tells once the point's series are known.
   */
  private EventsQuery query(GroupPlan plan, JsonObject body, Filter where) {
    QueryLimits.Range range = limits.range(body, System.currentTimeMillis());
    String series = text(body, "series");
    List<Filter> filters = new ArrayList<>(series(plan, series, List.of()));
    if (!where.isEmpty()) {
      filters.add(where);
    }
    return new EventsQuery(range.from(), range.to(), filters, limit(body),
        EventCursor.decode(text(body, "after")));
  }

  /** The query with the filters of its series as a point that showed {@code shown} meant them. */
  private static EventsQuery withShown(EventsQuery query, GroupPlan plan, JsonObject body,
      Collection<String> shown, Filter where) {
    List<Filter> filters = new ArrayList<>(series(plan, text(body, "series"), shown));
    if (!where.isEmpty()) {
      filters.add(where);
    }
    return new EventsQuery(query.from(), query.to(), filters, query.limit(), query.after());
  }

  private static Filter where(JsonObject body) {
    try {
      Filter where = WhereText.parse(text(body, "where"));
      EventFilter.compileLinear(where); // its regexes in the syntax the stores run (RE2)
      return where;
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
