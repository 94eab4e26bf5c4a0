package dev.livelog.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One analyzer of a plot group: events that pass {@code where} (all conditions, or any when
 * {@code match: any}), measured by {@code metric} over {@code field}. It feeds one series
 * named by its label, or one per value of its {@code by} field ({@code by_class: true} turns
 * numbers into classes such as 5xx, {@code by_prefix: N} keeps N path segments). Metrics:
 * count, rate, share, avg, sum, min, max, percentile ({@code percentiles}, default 50, 90, 99)
 * and top ({@code top} most frequent values of the field, default 10).
 */
public record AnalyzerConfig(
    String label,
    String metric,
    String field,
    String by,
    Map<String, Object> where,
    String match,
    List<String> values,
    List<Double> percentiles,
    Integer top,
    Boolean byClass,
    Integer byPrefix) {

  public AnalyzerConfig {
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
    match = match == null ? "all" : match;
    values = values == null ? List.of() : List.copyOf(values);
    percentiles = percentiles == null || percentiles.isEmpty() ? List.of(50.0, 90.0, 99.0)
        : List.copyOf(percentiles);
    top = top == null ? 10 : top;
    byClass = byClass != null && byClass;
  }

  /** An analyzer with only the common keys, the rest defaulted. */
  public static AnalyzerConfig of(String label, String metric, String field, String by,
      Map<String, Object> where) {
    return new AnalyzerConfig(label, metric, field, by, where, null, null, null, null, null, null);
  }

  public boolean isMetric(String name) {
    return metric != null && metric.trim().equalsIgnoreCase(name);
  }

  /** The series a value of the {@code by} field (or a top value) feeds: "label value", or the value. */
  public String seriesName(String value) {
    return label == null ? value : label + " " + value;
  }

  /** The series name of a percentile of a base series (the label, a by-value, or none). */
  public static String percentileName(String base, double percentile) {
    String p = "p" + (percentile == Math.rint(percentile)
        ? Long.toString((long) percentile) : String.valueOf(percentile));
    return base == null ? p : base + " " + p;
  }

  /**
   * The series known before any event: the label, or one per declared {@code values}; each
   * times the percentiles for a percentile metric. Top values and undeclared by-values appear
   * as they are seen.
   */
  public List<String> declaredSeries() {
    if (isMetric("top")) {
      return List.of();
    }
    List<String> bases = new ArrayList<>();
    if (by == null) {
      bases.add(label);
    } else {
      values.forEach(v -> bases.add(seriesName(v)));
    }
    if (!isMetric("percentile")) {
      return bases;
    }
    List<String> out = new ArrayList<>();
    for (String base : bases) {
      percentiles.forEach(p -> out.add(percentileName(base, p)));
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s%s", metric, field == null ? "" : field,
        by == null ? "" : " by " + by);
  }
}
