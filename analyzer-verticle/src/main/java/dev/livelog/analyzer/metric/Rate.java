package dev.livelog.analyzer.metric;

/** Events that match per second of the window. */
public final class Rate extends SingleValueMetric {
  public Rate() {
    super("rate", NO_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.count() / window.seconds();
  }
}
