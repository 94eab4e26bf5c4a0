package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;

/**
 * Events counted and, of those with a numeric value in the measured field, how many, their
 * sum, minimum and maximum: all that count, rate, share, avg, sum, min and max need.
 */
public final class PlainStats implements Accumulator {
  private long count;
  private long measured;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  @Override
  public void add(LogEvent event, FieldRef field) {
    record(field == null ? Double.NaN : field.number(event));
  }

  @Override
  public void addTry(LogEvent event, FieldRef field, int attempt) {
    record(field == null ? Double.NaN : field.numberAt(event, attempt));
  }

  /** One more event (or try), with its value when it has one (not NaN). */
  private void record(double value) {
    count++;
    if (!Double.isNaN(value)) {
      measured++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  @Override
  public void absorb(BucketStats row) {
    count += row.count();
    measured += row.measured();
    sum += row.sum();
    if (row.measured() > 0) {
      min = Math.min(min, row.min());
      max = Math.max(max, row.max());
    }
  }

  @Override
  public void merge(Accumulator other) {
    PlainStats o = (PlainStats) other;
    count += o.count;
    measured += o.measured;
    sum += o.sum;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
  }

  @Override
  public Accumulator empty() {
    return new PlainStats();
  }

  /** Events recorded. */
  public long count() {
    return count;
  }

  /** Events that had a numeric value. */
  public long measured() {
    return measured;
  }

  public double sum() {
    return sum;
  }

  /** The smallest value, or null without values. */
  public Double min() {
    return measured == 0 ? null : min;
  }

  /** The largest value, or null without values. */
  public Double max() {
    return measured == 0 ? null : max;
  }
}
