package dev.livelog.analyzer.metric;

/** The mean of the field's numeric values (events without one are left out); none without values. */
public final class Avg extends SingleValueMetric {
  @Override
  public String name() {
    return "avg";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.measured() == 0 ? null : stats.sum() / stats.measured();
  }
}
