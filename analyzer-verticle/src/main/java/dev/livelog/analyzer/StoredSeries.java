package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Datapoints computed from stored events by the store's own aggregation, with the same plot
 * group plans as the live engine (so names, filters and metrics mean the same): ad-hoc series
 * beyond the live window, and backfill of the ticks an analyzer missed while it was down.
 */
public final class StoredSeries {
  private final List<GroupPlan> plans;
  private final EventStore store;

  public StoredSeries(List<GroupPlan> plans, EventStore store) {
    this.plans = plans;
    this.store = store;
  }

  public GroupPlan plan(String group) {
    return plans.stream().filter(p -> p.name().equals(group)).findFirst().orElse(null);
  }

  /**
   * One datapoint per {@code step} in {@code [from, to)}, each over its own step and dated at
   * its end, as live datapoints are dated at the end of their window. The store cancels its
   * queries at the deadline.
   */
  public Future<List<Datapoint>> query(GroupPlan plan, String label, long from, long to, long step,
      Deadline deadline) {
    return stats(plan, from, to, step, deadline).map(buckets -> {
      List<Datapoint> points = new ArrayList<>();
      long n = AggregateQuery.buckets(from, to, step);
      for (long k = 0; k < n; k++) {
        GroupStats s = buckets.getOrDefault(k, plan.newStats());
        points.add(plan.datapoint(label, from + (k + 1) * step, s, step / 1000.0));
      }
      return points;
    });
  }

  /**
   * The datapoints of a period's ticks from {@code firstTick} to {@code lastTick} (inclusive),
   * every group, each tick over its full window, as the live engine would have computed them.
   */
  public Future<List<List<Datapoint>>> backfill(PeriodConfig period, long firstTick, long lastTick) {
    return backfill(period, plans, firstTick, lastTick);
  }

  /** Like {@link #backfill(PeriodConfig, long, long)} for some groups only. */
  public Future<List<List<Datapoint>>> backfill(PeriodConfig period, List<GroupPlan> groups,
      long firstTick, long lastTick) {
    long interval = period.interval().toMillis();
    long window = period.window().toMillis();
    long step = gcd(interval, window);
    long from = firstTick - window;
    List<Future<Map<Long, GroupStats>>> all = new ArrayList<>();
    for (GroupPlan plan : groups) {
      all.add(stats(plan, from, lastTick, step, Deadline.after(QueryLimits.BACKGROUND_DEADLINE)));
    }
    return Future.all(all).map(done -> {
      List<List<Datapoint>> ticks = new ArrayList<>();
      for (long t = firstTick; t <= lastTick; t += interval) {
        List<Datapoint> tick = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
          List<GroupStats> parts = new ArrayList<>();
          Map<Long, GroupStats> buckets = all.get(g).result();
          for (long b = (t - window - from) / step; b < (t - from) / step; b++) {
            GroupStats s = buckets.get(b);
            if (s != null) {
              parts.add(s);
            }
          }
          GroupStats merged = groups.get(g).merged(parts);
          tick.add(groups.get(g).datapoint(period.name(), t, merged, window / 1000.0));
        }
        ticks.add(tick);
      }
      return ticks;
    });
  }

  /** Whether any event is stored in {@code [from, to)}. */
  public Future<Boolean> anyEvents(long from, long to) {
    return store.aggregate(AggregateQuery.counting(from, to, to - from, List.of()))
        .map(rows -> rows.stream().anyMatch(r -> r.count() > 0));
  }

  private Future<Map<Long, GroupStats>> stats(GroupPlan plan, long from, long to, long step,
      Deadline deadline) {
    List<AggregateQuery> queries = plan.queries(from, to, step);
    List<Future<List<dev.livelog.store.query.BucketStats>>> results = new ArrayList<>();
    for (AggregateQuery q : queries) {
      results.add(store.aggregate(q, deadline));
    }
    return Future.all(results).map(done -> {
      Map<Long, GroupStats> buckets = new HashMap<>();
      for (int q = 0; q < results.size(); q++) {
        plan.absorb(q, results.get(q).result(), buckets);
      }
      return buckets;
    });
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
