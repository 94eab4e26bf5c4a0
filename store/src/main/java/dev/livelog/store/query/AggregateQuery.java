package dev.livelog.store.query;

import dev.livelog.common.where.Filter;
import java.util.List;

/**
 * An aggregation over stored events, computed by the store (SQL in DuckDB, an aggregation
 * pipeline in MongoDB): events with time in {@code [from, to)} passing every filter, counted
 * per time bucket of {@code step} milliseconds and per value of {@code groupBy} (or in one
 * group when null), with statistics of the numeric {@code valueField} (when set) and, with
 * {@code valueCounts}, how often each value occurred (for percentiles). With
 * {@code keysPerBucket > 0} only that many most frequent keys per bucket come back: the rest
 * are left out (top values), or with {@code foldRest} come back as one row per bucket
 * ({@link BucketStats#folded}), so a group-by answers at most {@code keysPerBucket + 1} rows
 * per bucket whatever the number of distinct values.
 */
public record AggregateQuery(long from, long to, long step, List<Filter> filters, String groupBy,
    String valueField, boolean valueCounts, int keysPerBucket, boolean foldRest) {

  public AggregateQuery {
    filters = List.copyOf(filters);
    if (step <= 0 || to <= from) {
      throw new IllegalArgumentException("need from < to and a positive step");
    }
  }

  /** Events counted per bucket, in one group, nothing measured. */
  public static AggregateQuery counting(long from, long to, long step, List<Filter> filters) {
    return new AggregateQuery(from, to, step, filters, null, null, false, 0, false);
  }

  /** The same, counted per value of {@code field} (null: in one group). */
  public AggregateQuery groupedBy(String field) {
    return new AggregateQuery(from, to, step, filters, field, valueField, valueCounts, keysPerBucket,
        foldRest);
  }

  /** The same, with the statistics of the numeric {@code field}. */
  public AggregateQuery measuring(String field) {
    return new AggregateQuery(from, to, step, filters, groupBy, field, valueCounts, keysPerBucket,
        foldRest);
  }

  /** The same, with how often each value of the measured field occurred. */
  public AggregateQuery withValueCounts() {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, true, keysPerBucket,
        foldRest);
  }

  /** The same, keeping only the {@code n} most frequent keys per bucket. */
  public AggregateQuery withTopKeys(int n) {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, valueCounts, n, false);
  }

  /**
   * The same, keeping the {@code n} most frequent keys per bucket and folding the others into
   * one row per bucket (see {@link BucketStats#folded}).
   */
  public AggregateQuery foldBeyond(int n) {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, valueCounts, n, true);
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
