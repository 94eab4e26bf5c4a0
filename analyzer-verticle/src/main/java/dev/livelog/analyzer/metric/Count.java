package dev.livelog.analyzer.metric;

/** Events that match, in the window. */
public final class Count extends SingleValueMetric {
  public Count() {
    super("count", NO_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return (double) stats.count();
  }
}
