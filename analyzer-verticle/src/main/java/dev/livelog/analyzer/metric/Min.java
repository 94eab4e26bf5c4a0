package dev.livelog.analyzer.metric;

/** The smallest of the field's numeric values. */
public final class Min extends SingleValueMetric {
  public Min() {
    super("min", MEASURES_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.min();
  }
}
