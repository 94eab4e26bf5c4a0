package dev.livelog.common.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One analyzer of a plot group: events that pass {@code where} (all conditions, or any when
 * {@code match: any}), measured by {@code metric} over {@code field}. It feeds one series
 * named by its label, or one per value of its {@code by} field ({@code by_class: true} turns
 * numbers into classes such as 5xx, {@code by_prefix: N} keeps N path segments; past
 * {@code max_series} values, the least frequent are folded into one {@code other} series).
 * Every other
 * key is a parameter of its metric ({@code percentiles}, {@code top}, ...), kept as written:
 * the metric (in the analyzer) reads, defaults and checks it.
 */
public record AnalyzerConfig(
    String label,
    String metric,
    String field,
    String by,
    Map<String, Object> where,
    String match,
    List<String> values,
    Boolean byClass,
    Integer byPrefix,
    Integer maxSeries,
    @JsonAnySetter Map<String, Object> parameters) {

  /** The keys every analyzer has, whatever its metric: {@code label}, {@code by_class}, ... */
  public static final Set<String> COMMON_KEYS = Arrays.stream(AnalyzerConfig.class.getRecordComponents())
      .map(RecordComponent::getName).filter(name -> !name.equals("parameters"))
      .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
      .collect(Collectors.toUnmodifiableSet());

  public AnalyzerConfig {
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
    match = match == null ? "all" : match;
    values = values == null ? List.of() : List.copyOf(values);
    byClass = byClass != null && byClass;
    // Not Map.copyOf: a parameter written without a value (top: ~) is kept, as null.
    parameters = parameters == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * The same analyzer split by {@code field} instead of its own {@code by}: one series per value
   * of the field (its {@code where}, metric and {@code max_series} kept; {@code values},
   * {@code by_class} and {@code by_prefix} were about the old {@code by}), labelled
   * {@code label} ("label value"; null: the value alone).
   */
  public AnalyzerConfig splitBy(String splitField, String splitLabel) {
    return new AnalyzerConfig(splitLabel, metric, field, splitField, where, match, List.of(), false,
        null, maxSeries, parameters);
  }

  /** The series a value of the {@code by} field feeds: "label value", or the value. */
  public String seriesName(String value) {
    return label == null ? value : label + " " + value;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s%s", metric, field == null ? "" : field,
        by == null ? "" : " by " + by);
  }
}
