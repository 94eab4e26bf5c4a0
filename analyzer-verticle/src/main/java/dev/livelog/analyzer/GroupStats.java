package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Accumulator;
import java.util.HashMap;
import java.util.Map;

/** A plot group's accumulated events over some time: its total and each series' accumulator. */
public final class GroupStats {
  long total;
  final Map<String, Accumulator>[] series;

  @SuppressWarnings("unchecked")
  GroupStats(int analyzers) {
    series = new Map[analyzers];
    for (int i = 0; i < analyzers; i++) {
      series[i] = new HashMap<>();
    }
  }

  /** Events that passed the group's where clause. */
  public long total() {
    return total;
  }

  public void merge(GroupStats other) {
    total += other.total;
    for (int i = 0; i < series.length; i++) {
      Map<String, Accumulator> mine = series[i];
      other.series[i].forEach((key, acc) -> mine.computeIfAbsent(key, k -> acc.empty()).merge(acc));
    }
  }

  void clear() {
    total = 0;
    for (Map<String, Accumulator> s : series) {
      s.clear();
    }
  }
}
