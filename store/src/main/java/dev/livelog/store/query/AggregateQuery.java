package dev.livelog.store.query;

import dev.livelog.common.where.Filter;
import java.util.List;

/**
 * An aggregation over stored events, computed by the store (SQL in DuckDB, an aggregation
 * pipeline in MongoDB): events with time in {@code [from, to)} passing every filter, counted
 * per time bucket of {@code step} milliseconds and per value of {@code groupBy} (or in one
 * group when null), with statistics of the numeric {@code valueField} (when set) and, with
 * {@code valueCounts}, how often each value occurred (for percentiles). With
 * {@code keysPerBucket > 0} only that many most frequent keys per bucket come back (top values).
 */
public record AggregateQuery(long from, long to, long step, List<Filter> filters, String groupBy,
    String valueField, boolean valueCounts, int keysPerBucket) {

  public AggregateQuery {
    filters = List.copyOf(filters);
    if (step <= 0 || to <= from) {
      throw new IllegalArgumentException("need from < to and a positive step");
    }
  }

  /**
   * Number of buckets {@code [from, to)} is cut into by {@code step}.
   *
   * @throws ArithmeticException when the range does not fit in a long
   */
  public static long buckets(long from, long to, long step) {
    long span = Math.subtractExact(to, from);
    return span / step + (span % step == 0 ? 0 : 1);
  }
}
