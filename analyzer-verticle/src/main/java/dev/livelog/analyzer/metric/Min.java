package dev.livelog.analyzer.metric;

/** The smallest of the field's numeric values; none without values. */
public final class Min extends SingleValueMetric {
  @Override
  public String name() {
    return "min";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.min();
  }
}
