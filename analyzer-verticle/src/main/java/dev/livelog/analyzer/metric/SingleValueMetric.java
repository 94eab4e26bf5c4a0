package dev.livelog.analyzer.metric;

import java.util.List;
import java.util.Map;

/**
 * A metric with one value per series, computed from {@link PlainStats}: count, rate, share,
 * avg, sum, min, max. A subclass says its name, whether it measures a field, and its value.
 */
public abstract class SingleValueMetric implements Metric {
  /** The series' value, or null when the window has nothing to say (an average of no values). */
  protected abstract Double value(PlainStats stats, Window window);

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
