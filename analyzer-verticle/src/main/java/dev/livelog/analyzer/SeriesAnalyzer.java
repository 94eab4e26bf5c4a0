package dev.livelog.analyzer;

import dev.livelog.common.where.EventFilter;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.common.where.Filter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One analyzer of a plot group: its filter, its metric over a field, and the series it feeds:
 * one named by its label, or one per value of its {@code by} field (e.g. per upstream server),
 * times the percentiles of a percentile metric; a top metric feeds one series per frequent
 * value.
 */
final class SeriesAnalyzer {
  /** A top metric keeps its sketch under one key; its series are the frequent values. */
  private static final String TOP_KEY = "";
  private final AnalyzerConfig config;
  private final Metric metric;
  private final Filter where;
  private final EventFilter filter;
  private final FieldRef by;
  private final FieldRef field;
  private final ByValue byValue;

  SeriesAnalyzer(AnalyzerConfig config, Metric metric, Filter where) {
    this.config = config;
    this.metric = metric;
    this.where = where;
    this.filter = EventFilter.compile(where);
    this.by = config.by() == null ? null : new FieldRef(config.by());
    this.field = config.field() == null ? null : new FieldRef(config.field());
    this.byValue = ByValue.of(config);
  }

  /** The series names known before any event. */
  List<String> declaredSeries() {
    return config.declaredSeries();
  }

  void add(LogEvent event, Map<String, Accumulator> series) {
    if (!filter.test(event)) {
      return;
    }
    String key = metric == Metric.TOP ? TOP_KEY : config.label();
    if (by != null) {
      String value = byValue.key(by.get(event));
      if (value == null || (!config.values().isEmpty() && !config.values().contains(value))) {
        return;
      }
      key = value;
    }
    Accumulator acc = series.get(key);
    if (acc == null) {
      acc = new Accumulator();
      series.put(key, acc);
    }
    switch (metric) {
      case PERCENTILE -> acc.addForPercentiles(field.number(event));
      case TOP -> {
        Object v = field.get(event);
        acc.addForTop(v == null ? null : FieldValues.toText(v), topCapacity());
      }
      default -> acc.add(field == null ? Double.NaN : field.number(event));
    }
  }

  /** The store query that gives this analyzer's accumulators over stored events. */
  AggregateQuery query(Filter groupWhere, long from, long to, long step) {
    boolean top = metric == Metric.TOP;
    return new AggregateQuery(from, to, step, List.of(groupWhere, where),
        top ? config.field() : config.by(),
        metric.needsField() && !top ? config.field() : null,
        metric == Metric.PERCENTILE, top ? topCapacity() : 0);
  }

  /** Adds a row of that query's result to the series, as {@link #add} would have. */
  void absorb(BucketStats row, Map<String, Accumulator> series) {
    if (metric == Metric.TOP) {
      if (!row.key().isEmpty()) {
        series.computeIfAbsent(TOP_KEY, k -> new Accumulator())
            .absorbTop(row.key(), row.count(), topCapacity());
      }
      return;
    }
    String key = config.label();
    if (by != null) {
      key = row.key().isEmpty() ? null : byValue.key(row.key());
      if (key == null || (!config.values().isEmpty() && !config.values().contains(key))) {
        return;
      }
    }
    series.computeIfAbsent(key, k -> new Accumulator()).absorb(row.count(), row.measured(),
        row.sum(), row.min(), row.max(), row.valueCounts());
  }

  /**
   * Puts this analyzer's series values into {@code out}: declared series first (zero or no data
   * when nothing matched), then the values seen, sorted; top values most frequent first.
   */
  void emit(Map<String, Accumulator> seen, long total, double windowSeconds, Map<String, Double> out) {
    if (metric == Metric.TOP) {
      Accumulator acc = seen.get(TOP_KEY);
      if (acc != null && acc.top() != null) {
        acc.top().top(config.top()).forEach(e -> out.put(e.getKey(), (double) e.getValue()));
      }
      return;
    }
    if (by == null) {
      emitSeries(config.label(), seen.getOrDefault(config.label(), new Accumulator()), total,
          windowSeconds, out);
      return;
    }
    for (String declared : config.values()) {
      emitSeries(config.seriesName(declared), seen.getOrDefault(declared, new Accumulator()), total,
          windowSeconds, out);
    }
    if (config.values().isEmpty()) {
      new TreeMap<>(seen).forEach((value, acc) ->
          emitSeries(config.seriesName(value), acc, total, windowSeconds, out));
    }
  }

  private void emitSeries(String name, Accumulator acc, long total, double windowSeconds,
      Map<String, Double> out) {
    if (metric == Metric.PERCENTILE) {
      for (double p : config.percentiles()) {
        out.put(AnalyzerConfig.percentileName(name, p), acc.percentile(p));
      }
    } else {
      out.put(name, acc.value(metric, total, windowSeconds));
    }
  }

  /** A sketch keeps ten times the values shown, so the top ones are counted exactly. */
  private int topCapacity() {
    return config.top() * 10;
  }
}
