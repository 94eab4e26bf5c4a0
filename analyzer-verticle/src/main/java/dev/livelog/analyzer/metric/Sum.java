package dev.livelog.analyzer.metric;

/** The sum of the field's numeric values. */
public final class Sum extends SingleValueMetric {
  public Sum() {
    super("sum", MEASURES_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.sum();
  }
}
