package dev.livelog.analyzer.metric;

/** Events that match per second of the window. */
public final class Rate extends SingleValueMetric {
  @Override
  public String name() {
    return "rate";
  }

  @Override
  public boolean needsField() {
    return false;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.count() / window.seconds();
  }
}
