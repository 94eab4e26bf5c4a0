package dev.livelog.store.query;

import java.util.Map;

/**
 * One row of an {@link AggregateQuery}'s result: bucket number (its start is
 * {@code from + bucket * step}), group key (null without {@code groupBy}; the value's text
 * otherwise, empty when absent), events, events with a numeric value, their sum, minimum and
 * maximum, and (when asked) each value's number of occurrences. With
 * {@link AggregateQuery#foldBeyond}, a bucket's keys past the most frequent ones come back as
 * one row with a null key and {@code folded}, the number of keys it holds (0 in every other
 * row).
 */
public record BucketStats(long bucket, String key, long count, long measured, double sum,
    double min, double max, Map<Double, Long> valueCounts, long folded) {

  public BucketStats {
    valueCounts = valueCounts == null ? Map.of() : Map.copyOf(valueCounts);
  }

  /** A row of one key (or of the one group without {@code groupBy}). */
  public BucketStats(long bucket, String key, long count, long measured, double sum, double min,
      double max, Map<Double, Long> valueCounts) {
    this(bucket, key, count, measured, sum, min, max, valueCounts, 0);
  }
}
