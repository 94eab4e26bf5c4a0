package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;
import org.HdrHistogram.DoubleHistogram;

/**
 * The measured field's values in an HdrHistogram {@link DoubleHistogram}, for percentiles.
 * Negative and infinite values cannot be recorded and are left out.
 */
public final class ValueHistogram implements Accumulator {
  /** Two significant digits: percentiles within 1%, in a few kilobytes per histogram. */
  private static final int DIGITS = 2;

  private DoubleHistogram histogram;

  @Override
  public void add(LogEvent event, FieldRef field) {
    record(field.number(event), 1);
  }

  @Override
  public void addTry(LogEvent event, FieldRef field, int attempt) {
    record(field.numberAt(event, attempt), 1);
  }

  @Override
  public void absorb(BucketStats row) {
    row.valueCounts().forEach(this::record);
  }

  @Override
  public void merge(Accumulator other) {
    DoubleHistogram o = ((ValueHistogram) other).histogram;
    if (o != null) {
      histogram().add(o);
    }
  }

  @Override
  public Accumulator empty() {
    return new ValueHistogram();
  }

  /** The value at a percentile (0..100], or null without values. */
  public Double percentile(double p) {
    return histogram == null || histogram.getTotalCount() == 0 ? null
        : histogram.getValueAtPercentile(p);
  }

  private void record(double value, long times) {
    if (value >= 0 && !Double.isInfinite(value)) {
      histogram().recordValueWithCount(value, times);
    }
  }

  private DoubleHistogram histogram() {
    if (histogram == null) {
      histogram = new DoubleHistogram(DIGITS);
      histogram.setAutoResize(true);
    }
    return histogram;
  }
}
