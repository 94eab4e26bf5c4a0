package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.Durations;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.store.DatapointRetention;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.QueryLimits;
import dev.livelog.store.query.QueryRefused;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers {@code livelog.baseline}: {@code {group, offset, from, to, step}} (epoch ms) to the
 * group's stored datapoints {@code offset} earlier (a day, a week), moved forward by
 * {@code offset} so that they lie under the chart of {@code [from, to)} whose points are
 * {@code step} apart (1 s when absent): {@code {group, offset, period, interval, from, to, datapoints}}, with the
 * period they were read from ({@link DatapointRetention#sourceFor}: the chart's own, or a
 * coarser one that still has them). Held to the same {@link QueryLimits} as
 * {@code livelog.query} (times, points, deadline, the running count), over the datapoints'
 * retention: 400 naming the parameter, 404 for an unknown group, 429, 504.
 */
final class BaselineRequests {
  private final Vertx vertx;
  private final EventStore store;
  private final List<PeriodConfig> periods;
  private final Set<String> groups;
  private final QueryLimits limits;
  private final DatapointRetention retention;

  BaselineRequests(Vertx vertx, EventStore store, List<PeriodConfig> periods, Set<String> groups,
      QueryLimits limits, DatapointRetention retention) {
    this.vertx = vertx;
    this.store = store;
    this.periods = periods;
    this.groups = groups;
    this.limits = limits;
    this.retention = retention;
  }

  void answer(Message<JsonObject> request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    Object group = body.getValue("group");
    if (!(group instanceof String name) || !groups.contains(name)) {
      request.fail(404, "unknown plot group '" + group + "'");
      return;
    }
    long now = System.currentTimeMillis();
    QueryLimits.Range range;
    PeriodConfig source;
    long offset;
    try {
      offset = positive(body, "offset");
      long step = body.getValue("step") == null ? 1_000 : limits.step(positive(body, "step"));
      QueryLimits.Range shown = limits.range(body, now);
      long kept = retention.longestMillis(periods);
      if (offset > kept) {
        throw QueryRefused.badRequest("'offset' " + Durations.format(Duration.ofMillis(offset))
            + " reaches further back than datapoints are kept here ("
            + Durations.format(Duration.ofMillis(kept))
            + ": storage.retention plus a day, at most "
            + String.format(Locale.ROOT, "%,d", DatapointRetention.MAX_POINTS) + " points of a period)");
      }
      range = limits.range(shown.from() - offset, shown.to() - offset, now, Duration.ofMillis(kept));
      source = retention.sourceFor(periods, step, shown.from() - offset, shown.to() - offset, now,
          QueryLimits.MAX_POINTS).orElseThrow(() -> QueryRefused.badRequest("that range is more than "
              + QueryLimits.MAX_POINTS + " points of every period: ask for a shorter one"));
    } catch (QueryRefused refused) {
      QueryRefused.fail(request, refused);
      return;
    }
    // One more point past the end: the one whose interval covers the chart's last moments.
    long interval = source.interval().toMillis();
    limits.run(vertx, deadline -> store.datapoints(source.name(), name, range.from(), range.to() + interval))
        .onSuccess(points -> {
          JsonArray out = new JsonArray();
          points.forEach((Datapoint p) -> out.add(new Datapoint(p.period(), p.group(), p.time() + offset,
              p.events(), p.values(), p.folded()).toJson()));
          request.reply(new JsonObject().put("group", name).put("offset", offset)
              .put("period", source.name()).put("interval", interval)
              .put("from", range.from() + offset).put("to", range.to() + offset).put("datapoints", out));
        })
        .onFailure(e -> QueryRefused.fail(request, e));
  }

  private static long positive(JsonObject body, String name) {
    Object value = body.getValue(name);
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
      return n.longValue();
    }
    throw QueryRefused.badRequest("'" + name + "' must be a positive whole number of milliseconds"
        + (value == null ? "" : "; got " + value));
  }
}
