package dev.livelog.analyzer.metric;

import java.util.List;
import java.util.Map;

/**
 * A metric with one value per series, computed from {@link PlainStats}: count, rate, share,
 * avg, sum, min, max. A subclass gives its name, whether it measures a field, and its value.
 */
public abstract class SingleValueMetric implements Metric {
  /** For {@link #SingleValueMetric}: the metric counts events, it needs no field. */
  protected static final boolean NO_FIELD = false;
  /** For {@link #SingleValueMetric}: the metric measures the analyzer's field. */
  protected static final boolean MEASURES_FIELD = true;

  private final String name;
  private final boolean needsField;

  protected SingleValueMetric(String name, boolean needsField) {
    this.name = name;
    this.needsField = needsField;
  }

  /** The series' value, or null when the window has nothing to say (an average of no values). */
  protected abstract Double value(PlainStats stats, Window window);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean needsField() {
    return needsField;
  }

  @Override
  public Accumulator newAccumulator() {
    return new PlainStats();
  }

  @Override
  public List<String> seriesNames(String base) {
    return List.of(base);
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    out.put(base, value((PlainStats) accumulator, window));
  }
}
