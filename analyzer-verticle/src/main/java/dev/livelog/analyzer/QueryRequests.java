package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.Durations;
import dev.livelog.store.query.AggregateQuery;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers {@code livelog.query}: {@code {group, from, to, step}} (epoch ms) to the group's
 * series over stored events, {@code {group, from, to, step, datapoints}}. A bad request fails
 * with 400 and the reason, an unknown group with 404.
 */
final class QueryRequests {
  private final StoredSeries stored;

  QueryRequests(StoredSeries stored) {
    this.stored = stored;
  }

  void answer(Message<JsonObject> request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    String group = body.getString("group");
    GroupPlan plan = group == null ? null : stored.plan(group);
    if (plan == null) {
      request.fail(404, "unknown plot group '" + group + "'");
      return;
    }
    long from;
    long to;
    long step;
    try {
      from = body.getLong("from");
      to = body.getLong("to");
      step = body.getLong("step");
    } catch (RuntimeException e) {
      request.fail(400, "from, to and step must be numbers (epoch milliseconds)");
      return;
    }
    String problem = problem(from, to, step);
    if (problem != null) {
      request.fail(400, problem);
      return;
    }
    stored.query(plan, Durations.format(java.time.Duration.ofMillis(step)), from, to, step)
        .onSuccess(points -> {
          JsonArray out = new JsonArray();
          points.forEach((Datapoint p) -> out.add(p.toJson()));
          request.reply(new JsonObject().put("group", group).put("from", from).put("to", to)
              .put("step", step).put("datapoints", out));
        })
        .onFailure(e -> request.fail(500, "the store could not answer: " + e.getMessage()));
  }

  private static String problem(long from, long to, long step) {
    if (step < 1000 || step % 1000 != 0) {
      return "step must be whole seconds, at least 1 s";
    }
    if (to <= from) {
      return "from must be before to";
    }
    long buckets = AggregateQuery.buckets(from, to, step);
    if (buckets > StoredSeries.MAX_BUCKETS) {
      return "that is " + buckets + " points; ask for at most " + StoredSeries.MAX_BUCKETS
          + " (a longer step or a shorter range)";
    }
    return null;
  }
}
