package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Accumulator;
import dev.livelog.analyzer.metric.Metric;
import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.Filter;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One analyzer of a plot group: its filter, its metric over a field, and the series it feeds:
 * one named by its label, or one per value of its {@code by} field (e.g. per upstream server),
 * each as its metric names them (one series, one per percentile, one per frequent value).
 */
final class SeriesAnalyzer {
  private final AnalyzerConfig config;
  private final Metric metric;
  private final Filter where;
  private final EventFilter filter;
  private final FieldRef by;
  private final FieldRef field;
  private final ByValue byValue;
  /** Without {@code by}, every event goes to one accumulator, under this key. */
  private final String onlyKey;
  private final long lookbackSeconds;

  SeriesAnalyzer(AnalyzerConfig config, Metric metric, Filter where) {
    this.config = config;
    this.metric = metric;
    this.where = where;
    this.filter = EventFilter.compile(where);
    this.by = config.by() == null ? null : new FieldRef(config.by());
    this.field = config.field() == null ? null : new FieldRef(config.field());
    this.byValue = ByValue.of(config);
    this.onlyKey = config.label() == null ? "" : config.label();
    this.lookbackSeconds = metric.lookbacks().stream().mapToLong(java.time.Duration::toSeconds).max().orElse(0);
  }

  /** The longest span this analyzer's metric reads beyond the window, in seconds (0: none). */
  long lookbackSeconds() {
    return lookbackSeconds;
  }

  /**
   * What this analyzer (which has no {@code by}: a metric with lookbacks refuses it) saw over
   * a span, as its metric asks for it by base name: null for another base name.
   */
  Window.Span span(String base, Map<String, Accumulator> seen, long groupEvents) {
    return by != null || !onlyKey.equals(base) ? null
        : new Window.Span(seenOrEmpty(seen, onlyKey), groupEvents);
  }

  /** The figures of this analyzer's series (the base name is its label: no {@code by}). */
  List<dev.livelog.analyzer.metric.PanelFigure> figures() {
    return by == null ? metric.figures(config.label()) : List.of();
  }

  /**
   * The series names known before any event: the label's, or each declared {@code values}'
   * (top values and undeclared by-values appear as they are seen).
   */
  List<String> declaredSeries() {
    List<String> names = new ArrayList<>();
    if (by == null) {
      names.addAll(metric.seriesNames(config.label()));
    } else {
      config.values().forEach(v -> names.addAll(metric.seriesNames(config.seriesName(v))));
    }
    return names;
  }

  void add(LogEvent event, Map<String, Accumulator> series) {
    if (!filter.test(event)) {
      return;
    }
    String key = by == null ? onlyKey : shownKey(byValue.key(by.get(event)));
    if (key == null) {
      return;
    }
    Accumulator acc = series.get(key);
    if (acc == null) {
      acc = metric.newAccumulator();
      series.put(key, acc);
    }
    acc.add(event, field);
  }

  /** The store query that gives this analyzer's accumulators over stored events. */
  AggregateQuery query(Filter groupWhere, long from, long to, long step) {
    return metric.storeQuery(AggregateQuery.counting(from, to, step, List.of(groupWhere, where))
        .groupedBy(config.by()), config.field());
  }

  /** Adds a row of that query's result to the series, as {@link #add} would have. */
  void absorb(BucketStats row, Map<String, Accumulator> series) {
    String key = by == null ? onlyKey
        : shownKey(row.key().isEmpty() ? null : byValue.key(row.key()));
    if (key != null) {
      series.computeIfAbsent(key, k -> metric.newAccumulator()).absorb(row);
    }
  }

  /**
   * Puts this analyzer's series values into {@code out}: declared series first (zero or no data
   * when nothing matched), then the values seen, sorted.
   */
  void emit(Map<String, Accumulator> seen, Window window, Map<String, Double> out) {
    if (by == null) {
      metric.emit(config.label(), seenOrEmpty(seen, onlyKey), window, out);
      return;
    }
    for (String declared : config.values()) {
      metric.emit(config.seriesName(declared), seenOrEmpty(seen, declared), window, out);
    }
    if (config.values().isEmpty()) {
      new TreeMap<>(seen).forEach((value, acc) ->
          metric.emit(config.seriesName(value), acc, window, out));
    }
  }

  /** A by-value's key, or null when it has none or is not among the declared values. */
  private String shownKey(String value) {
    return value == null || (!config.values().isEmpty() && !config.values().contains(value))
        ? null : value;
  }

  private Accumulator seenOrEmpty(Map<String, Accumulator> seen, String key) {
    Accumulator acc = seen.get(key);
    return acc == null ? metric.newAccumulator() : acc;
  }
}
