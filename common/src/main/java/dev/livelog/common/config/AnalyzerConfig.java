package dev.livelog.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series (or one per {@code by} value) of a plot group: events that pass {@code where}
 * (all conditions, or any when {@code match: any}), measured by {@code metric} over
 * {@code field}. Metrics: count, rate, share, avg, sum, min, max.
 */
public record AnalyzerConfig(
    String label,
    String metric,
    String field,
    String by,
    Map<String, Object> where,
    String match,
    List<String> values) {

  public AnalyzerConfig {
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
    match = match == null ? "all" : match;
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The series a value of the {@code by} field feeds: "label value", or the bare value. */
  public String seriesName(String byValue) {
    return label == null ? byValue : label + " " + byValue;
  }

  /** The series known before any event: the label, or one per declared {@code values}. */
  public List<String> declaredSeries() {
    return by == null ? java.util.Collections.singletonList(label)
        : values.stream().map(this::seriesName).toList();
  }
}
