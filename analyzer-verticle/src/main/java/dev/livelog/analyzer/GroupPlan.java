package dev.livelog.analyzer;

import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.event.LogEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compiled plot group: its where clause and its analyzers, feeding {@link GroupStats}. */
public final class GroupPlan {
  private final String name;
  private final GroupConfig config;
  private final EventFilter where;
  private final SeriesAnalyzer[] analyzers;

  GroupPlan(String name, GroupConfig config, EventFilter where, List<SeriesAnalyzer> analyzers) {
    this.name = name;
    this.config = config;
    this.where = where;
    this.analyzers = analyzers.toArray(SeriesAnalyzer[]::new);
  }

  public String name() {
    return name;
  }

  public GroupConfig config() {
    return config;
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
    for (int i = 0; i < analyzers.length; i++) {
      analyzers[i].emit(stats.series[i], stats.total, windowSeconds, out);
    }
    return out;
  }
}
