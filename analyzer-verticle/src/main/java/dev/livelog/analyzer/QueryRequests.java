package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Durations;
import dev.livelog.common.where.WhereText;
import dev.livelog.store.query.QueryLimits;
import dev.livelog.store.query.QueryRefused;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Answers {@code livelog.query}: {@code {group, from, to[, step][, split]}} (epoch ms) to the
 * group's series over stored events, {@code {group, from, to, step, datapoints}} with the range
 * and step actually used (from is moved up to the retention, the step chosen when absent); with
 * {@code split}, a field, the group split by it ({@link AnalyzerPlans#split}). The
 * request is held to the {@link QueryLimits} here, where it runs, whoever sent it: a bad or
 * too wide request fails with 400 naming the parameter, an unknown group with 404, too many
 * running queries with 429, a query past its deadline with 504.
 */
final class QueryRequests {
  private final Vertx vertx;
  private final StoredSeries stored;
  private final QueryLimits limits;

  QueryRequests(Vertx vertx, StoredSeries stored, QueryLimits limits) {
    this.vertx = vertx;
    this.stored = stored;
    this.limits = limits;
  }

  void answer(Message<JsonObject> request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    String group = body.getValue("group") instanceof String name ? name : null;
    GroupPlan plan = group == null ? null : stored.plan(group);
    if (plan == null) {
      request.fail(404, "unknown plot group '" + body.getValue("group") + "'");
      return;
    }
    QueryLimits.Buckets range;
    try {
      range = limits.buckets(body, System.currentTimeMillis());
      plan = split(plan, body.getValue("split"));
    } catch (QueryRefused refused) {
      QueryRefused.fail(request, refused);
      return;
    }
    String label = Durations.format(Duration.ofMillis(range.step()));
    GroupPlan chosen = plan;
    limits.run(vertx, deadline -> stored.query(chosen, label, range.from(), range.to(), range.step(), deadline))
        .onSuccess(points -> {
          JsonArray out = new JsonArray();
          points.forEach((Datapoint p) -> out.add(p.toJson()));
          request.reply(new JsonObject().put("group", group).put("from", range.from())
              .put("to", range.to()).put("step", range.step()).put("split", body.getValue("split"))
              .put("datapoints", out));
        })
        .onFailure(e -> QueryRefused.fail(request, e));
  }

  /**
   * The plan split by the requested field, or the plan itself without one. Compiled per
   * request: a few microseconds next to a stored-data query, and nothing kept per field asked.
   * The drill-down's requests split the same way ({@link EventsRequests}).
   */
  static GroupPlan split(GroupPlan plan, Object field) {
    if (field == null) {
      return plan;
    }
    String name;
    try {
      name = WhereText.fieldName(field instanceof String text ? text : null);
    } catch (IllegalArgumentException e) {
      throw QueryRefused.badRequest("'split' " + e.getMessage());
    }
    try {
      return AnalyzerPlans.split(plan.name(), plan.config(), name);
    } catch (ConfigException e) {
      throw QueryRefused.badRequest("'split': group '" + plan.name() + "' cannot be split by a field: "
          + e.getMessage());
    }
  }
}
