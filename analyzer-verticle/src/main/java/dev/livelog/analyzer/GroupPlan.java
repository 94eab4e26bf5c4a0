package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.common.where.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compiled plot group: its where clause and its analyzers, feeding {@link GroupStats}. */
public final class GroupPlan {
  private final String name;
  private final GroupConfig config;
  private final Filter whereClause;
  private final EventFilter where;
  private final SeriesAnalyzer[] analyzers;

  GroupPlan(String name, GroupConfig config, Filter where, List<SeriesAnalyzer> analyzers) {
    this.name = name;
    this.config = config;
    this.whereClause = where;
    this.where = EventFilter.compile(where);
    this.analyzers = analyzers.toArray(SeriesAnalyzer[]::new);
  }

  /**
   * The store queries whose results {@link #absorb} turns into this group's statistics per
   * bucket: the group's total first, then one per analyzer.
   */
  public List<AggregateQuery> queries(long from, long to, long step) {
    List<AggregateQuery> queries = new ArrayList<>();
    queries.add(AggregateQuery.counting(from, to, step, List.of(whereClause)));
    for (SeriesAnalyzer a : analyzers) {
      queries.add(a.query(whereClause, from, to, step));
    }
    return queries;
  }

  /** Adds the rows of query {@code q} (as ordered by {@link #queries}) to per-bucket statistics. */
  public void absorb(int q, List<BucketStats> rows, Map<Long, GroupStats> buckets) {
    for (BucketStats row : rows) {
      GroupStats stats = buckets.computeIfAbsent(row.bucket(), b -> newStats());
      if (q == 0) {
        stats.total += row.count();
      } else {
        analyzers[q - 1].absorb(row, stats.series[q - 1]);
      }
    }
  }

  public String name() {
    return name;
  }

  public GroupConfig config() {
    return config;
  }

  /** The series names known before any event, in the order {@link #values} gives them. */
  public List<String> declaredSeries() {
    List<String> names = new ArrayList<>();
    for (SeriesAnalyzer a : analyzers) {
      names.addAll(a.declaredSeries());
    }
    return names;
  }

  public GroupStats newStats() {
    return new GroupStats(analyzers.length);
  }

  public void add(LogEvent event, GroupStats stats) {
    if (!where.test(event)) {
      return;
    }
    stats.total++;
    for (int i = 0; i < analyzers.length; i++) {
      analyzers[i].add(event, stats.series[i]);
    }
  }

  /** Every series' value over the accumulated events, in a stable order. */
  public Map<String, Double> values(GroupStats stats, double windowSeconds) {
    Map<String, Double> out = new LinkedHashMap<>();
    Window window = new Window(stats.total, windowSeconds);
    for (int i = 0; i < analyzers.length; i++) {
      analyzers[i].emit(stats.series[i], window, out);
    }
    return out;
  }
}
