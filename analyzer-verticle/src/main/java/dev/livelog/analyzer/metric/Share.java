package dev.livelog.analyzer.metric;

/** Percent of the group's events (those passing its {@code where}) that match. */
public final class Share extends SingleValueMetric {
  public Share() {
    super("share", NO_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return window.groupEvents() == 0 ? null : 100.0 * stats.count() / window.groupEvents();
  }
}
