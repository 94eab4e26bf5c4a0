package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.Deadline;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series a point of a group showed by name, which tell the events of its {@code other}
 * series (those of the by-values it did not show) for the drill-down. A point over
 * {@code [from, to)} is the live datapoint dated {@code to} of a period whose window is that
 * long (in the analyzer's history, else stored), or else the point a stored range shows over
 * it: the group's stored events of {@code [from, to)} as one bucket, as {@code /api/query}
 * computes it (a chart split by a field is always one). Either names at most {@code max_series}
 * values of each analyzer.
 */
final class ShownSeries {
  private final List<PeriodConfig> periods;
  private final Map<String, DatapointHistory> histories;
  private final EventStore store;
  private final StoredSeries stored;

  /** {@code histories}: the analyzer's, by period name (read on its event loop). */
  ShownSeries(List<PeriodConfig> periods, Map<String, DatapointHistory> histories, EventStore store,
      StoredSeries stored) {
    this.periods = List.copyOf(periods);
    this.histories = histories;
    this.store = store;
    this.stored = stored;
  }

  /** The series names of the point of {@code plan} over {@code [from, to)}. */
  Future<Set<String>> of(GroupPlan plan, boolean split, long from, long to, Deadline deadline) {
    List<PeriodConfig> live = split ? List.of()
        : periods.stream().filter(p -> p.window().toMillis() == to - from).toList();
    for (PeriodConfig period : live) {
      DatapointHistory history = histories.get(period.name());
      Datapoint point = history == null ? null : history.at(plan.name(), to);
      if (point != null) {
        return Future.succeededFuture(point.values().keySet());
      }
    }
    return storedPoint(live, 0, plan.name(), to).compose(point -> point != null
        ? Future.succeededFuture(point.values().keySet())
        : stored.query(plan, "range", from, to, to - from, deadline)
            .map(points -> points.get(0).values().keySet()));
  }

  /** The stored datapoint of the first of {@code periods} from {@code i} that has one at {@code to}. */
  private Future<Datapoint> storedPoint(List<PeriodConfig> periods, int i, String group, long to) {
    if (i == periods.size()) {
      return Future.succeededFuture(null);
    }
    return store.datapoints(periods.get(i).name(), group, to, to + 1).compose(points -> points.isEmpty()
        ? storedPoint(periods, i + 1, group, to) : Future.succeededFuture(points.get(0)));
  }
}
