package dev.livelog.analyzer;

/**
 * Count, sum, minimum and maximum of one series over some events: enough for every metric,
 * and mergeable, so a window is the merge of its seconds.
 */
public final class Accumulator {
  private long count;
  private long measured;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

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

  public void merge(Accumulator other) {
    count += other.count;
    measured += other.measured;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public long count() {
    return count;
  }

  /**
   * The metric's value, or null when the window has nothing to say (an average of no values).
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
    };
  }
}
