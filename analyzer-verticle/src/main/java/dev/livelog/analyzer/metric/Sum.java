package dev.livelog.analyzer.metric;

/** The sum of the field's numeric values. */
public final class Sum extends SingleValueMetric {
  @Override
  public String name() {
    return "sum";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.sum();
  }
}
