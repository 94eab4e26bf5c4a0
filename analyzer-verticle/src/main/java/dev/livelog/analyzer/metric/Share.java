package dev.livelog.analyzer.metric;

/** Percent of the group's events (those passing its {@code where}) that match; none without group events. */
public final class Share extends SingleValueMetric {
  @Override
  public String name() {
    return "share";
  }

  @Override
  public boolean needsField() {
    return false;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return window.groupEvents() == 0 ? null : 100.0 * stats.count() / window.groupEvents();
  }
}
