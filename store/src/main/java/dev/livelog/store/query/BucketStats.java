package dev.livelog.store.query;

import java.util.Map;

/**
 * One row of an {@link AggregateQuery}'s result: bucket number (its start is
 * {@code from + bucket * step}), group key (null without {@code groupBy}; the value's text
 * otherwise, empty when absent), events, events with a numeric value, their sum, minimum and
 * maximum, and (when asked) each value's number of occurrences.
 */
public record BucketStats(long bucket, String key, long count, long measured, double sum,
    double min, double max, Map<Double, Long> valueCounts) {

  public BucketStats {
    valueCounts = valueCounts == null ? Map.of() : Map.copyOf(valueCounts);
  }
}
