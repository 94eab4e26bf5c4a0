package dev.livelog.analyzer.metric;

/** Events that match, in the window. */
public final class Count extends SingleValueMetric {
  @Override
  public String name() {
    return "count";
  }

  @Override
  public boolean needsField() {
    return false;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return (double) stats.count();
  }
}
