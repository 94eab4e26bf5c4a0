package dev.livelog.analyzer.metric;

/** The largest of the field's numeric values; none without values. */
public final class Max extends SingleValueMetric {
  @Override
  public String name() {
    return "max";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.max();
  }
}
