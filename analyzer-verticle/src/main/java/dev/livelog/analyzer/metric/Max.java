package dev.livelog.analyzer.metric;

/** The largest of the field's numeric values. */
public final class Max extends SingleValueMetric {
  public Max() {
    super("max", MEASURES_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.max();
  }
}
