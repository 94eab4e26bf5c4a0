package dev.livelog.analyzer;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import java.util.Map;

/**
 * One analyzer of a plot group: its filter, its metric over a field, and the series it feeds:
 * one named by its label, or one per value of its {@code by} field (e.g. per upstream server).
 */
final class SeriesAnalyzer {
  private final AnalyzerConfig config;
  private final String label;
  private final Metric metric;
  private final EventFilter filter;
  private final FieldRef by;
  private final FieldRef field;
  private final List<String> values;

  SeriesAnalyzer(AnalyzerConfig config, Metric metric, EventFilter filter) {
    this.config = config;
    this.label = config.label();
    this.metric = metric;
    this.filter = filter;
    this.by = config.by() == null ? null : new FieldRef(config.by());
    this.field = config.field() == null ? null : new FieldRef(config.field());
    this.values = config.values();
  }

  Metric metric() {
    return metric;
  }

  /** The series names known before any event: the label, or the declared by-values. */
  List<String> declaredSeries() {
    return config.declaredSeries();
  }

  boolean isGrouped() {
    return by != null;
  }

  void add(LogEvent event, Map<String, Accumulator> series) {
    if (!filter.test(event)) {
      return;
    }
    String key = label;
    if (by != null) {
      Object v = by.get(event);
      if (v == null) {
        return;
      }
      String text = FieldValues.toText(v);
      if (!values.isEmpty() && !values.contains(text)) {
        return;
      }
      key = config.seriesName(text);
    }
    Accumulator acc = series.get(key);
    if (acc == null) {
      acc = new Accumulator();
      series.put(key, acc);
    }
    acc.add(field == null ? Double.NaN : field.number(event));
  }
}
