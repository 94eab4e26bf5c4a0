package dev.livelog.analyzer.metric;

/** The mean of the field's numeric values (events without one are left out). */
public final class Avg extends SingleValueMetric {
  public Avg() {
    super("avg", MEASURES_FIELD);
  }

  @Override
  protected Double value(PlainStats stats, Window window) {
    return stats.measured() == 0 ? null : stats.sum() / stats.measured();
  }
}
