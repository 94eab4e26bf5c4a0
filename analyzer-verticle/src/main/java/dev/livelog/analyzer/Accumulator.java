package dev.livelog.analyzer;

import org.HdrHistogram.DoubleHistogram;

/**
 * What one series knows about some events: count, sum, minimum and maximum, plus a histogram
 * (for percentiles) or a top-values sketch (for top) when its metric needs one. Mergeable, so
 * a window is the merge of its seconds.
 */
public final class Accumulator {
  /** Two significant digits: percentiles within 1%, in a few kilobytes per histogram. */
  private static final int HISTOGRAM_DIGITS = 2;

  private long count;
  private long measured;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private DoubleHistogram histogram;
  private TopValues top;

  /** Counts an event; {@code value} is its measured field, or NaN when it has none. */
  public void add(double value) {
    count++;
    if (!Double.isNaN(value)) {
      measured++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  /** Counts an event and records its value for percentiles (negative values cannot be). */
  void addForPercentiles(double value) {
    add(value);
    if (!Double.isNaN(value) && value >= 0 && !Double.isInfinite(value)) {
      if (histogram == null) {
        histogram = newHistogram();
      }
      histogram.recordValue(value);
    }
  }

  /** Counts an event and its value for the top values. */
  void addForTop(String value, int capacity) {
    count++;
    if (value != null) {
      if (top == null) {
        top = new TopValues(capacity);
      }
      top.add(value, 1);
    }
  }

  /** Adds what a store aggregated for some events (see {@code BucketStats}). */
  void absorb(long events, long measuredEvents, double valueSum, double valueMin, double valueMax,
      java.util.Map<Double, Long> valueCounts) {
    count += events;
    measured += measuredEvents;
    sum += valueSum;
    if (measuredEvents > 0) {
      min = Math.min(min, valueMin);
      max = Math.max(max, valueMax);
    }
    valueCounts.forEach((value, n) -> {
      if (value >= 0 && !value.isInfinite()) {
        if (histogram == null) {
          histogram = newHistogram();
        }
        histogram.recordValueWithCount(value, n);
      }
    });
  }

  /** Adds a value counted {@code n} times to the top values. */
  void absorbTop(String value, long n, int capacity) {
    count += n;
    if (top == null) {
      top = new TopValues(capacity);
    }
    top.add(value, n);
  }

  public void merge(Accumulator other) {
    count += other.count;
    measured += other.measured;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (other.histogram != null) {
      if (histogram == null) {
        histogram = newHistogram();
      }
      histogram.add(other.histogram);
    }
    if (other.top != null) {
      if (top == null) {
        top = new TopValues(other.top.capacity());
      }
      top.merge(other.top);
    }
  }

  public long count() {
    return count;
  }

  /** The value at a percentile (0..100], or null without values. */
  Double percentile(double p) {
    return histogram == null || histogram.getTotalCount() == 0 ? null
        : histogram.getValueAtPercentile(p);
  }

  TopValues top() {
    return top;
  }

  /**
   * A single-valued metric's value, or null when the window has nothing to say (an average of
   * no values).
   *
   * @param total the group's event count, for shares
   * @param windowSeconds the window length, for rates
   */
  public Double value(Metric metric, long total, double windowSeconds) {
    return switch (metric) {
      case COUNT -> (double) count;
      case RATE -> count / windowSeconds;
      case SHARE -> total == 0 ? null : 100.0 * count / total;
      case AVG -> measured == 0 ? null : sum / measured;
      case SUM -> sum;
      case MIN -> measured == 0 ? null : min;
      case MAX -> measured == 0 ? null : max;
      case PERCENTILE, TOP -> throw new IllegalArgumentException(metric + " has several values");
    };
  }

  private static DoubleHistogram newHistogram() {
    DoubleHistogram h = new DoubleHistogram(HISTOGRAM_DIGITS);
    h.setAutoResize(true);
    return h;
  }
}
