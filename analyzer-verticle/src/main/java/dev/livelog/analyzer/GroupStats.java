package dev.livelog.analyzer;

/**
 * A plot group's accumulated events over some time: its total and each analyzer's series
 * ({@link KeyedSeries}, bounded whatever the {@code by} values).
 */
public final class GroupStats {
  private final SeriesAnalyzer[] analyzers;
  long total;
  final KeyedSeries[] series;

  GroupStats(SeriesAnalyzer[] analyzers) {
    this.analyzers = analyzers;
    this.series = new KeyedSeries[analyzers.length];
    clear();
  }

  /** Events that passed the group's where clause. */
  public long total() {
    return total;
  }

  void clear() {
    total = 0;
    for (int i = 0; i < analyzers.length; i++) {
      series[i] = analyzers[i].newSeries();
    }
  }
}
