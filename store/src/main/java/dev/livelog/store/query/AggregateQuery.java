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
 *
 * <p>A {@code groupBy} value that is a list (nginx's {@code $upstream_addr}: one entry per
 * upstream server tried) counts each entry under its own key, as one row each: the measured
 * value is then the same entry of a list-valued {@code valueField} (the i-th time is the i-th
 * server's; none past its end), or a single value for every entry (the request's own). With
 * {@code triesMeasured}, the measured value is instead the number of entries {@code valueField}
 * lists (1 for a single value), so that value counts tell retried requests apart.
 */
public record AggregateQuery(long from, long to, long step, List<Filter> filters, String groupBy,
    String valueField, boolean valueCounts, int keysPerBucket, boolean foldRest,
    boolean triesMeasured) {

  public AggregateQuery {
    filters = List.copyOf(filters);
    if (step <= 0 || to <= from) {
      throw new IllegalArgumentException("need from < to and a positive step");
    }
  }

  /** A query whose measured value is the field's value (not its number of tries). */
  public AggregateQuery(long from, long to, long step, List<Filter> filters, String groupBy,
      String valueField, boolean valueCounts, int keysPerBucket, boolean foldRest) {
    this(from, to, step, filters, groupBy, valueField, valueCounts, keysPerBucket, foldRest, false);
  }

  /** Events counted per bucket, in one group, nothing measured. */
  public static AggregateQuery counting(long from, long to, long step, List<Filter> filters) {
    return new AggregateQuery(from, to, step, filters, null, null, false, 0, false);
  }

  /** The same, counted per value of {@code field} (null: in one group). */
  public AggregateQuery groupedBy(String field) {
    return new AggregateQuery(from, to, step, filters, field, valueField, valueCounts, keysPerBucket,
        foldRest, triesMeasured);
  }

  /** The same, with the statistics of the numeric {@code field}. */
  public AggregateQuery measuring(String field) {
    return new AggregateQuery(from, to, step, filters, groupBy, field, valueCounts, keysPerBucket,
        foldRest, false);
  }

  /** The same, measuring how many tries {@code field} lists (1 for one value; none when absent). */
  public AggregateQuery measuringTries(String field) {
    return new AggregateQuery(from, to, step, filters, groupBy, field, valueCounts, keysPerBucket,
        foldRest, true);
  }

  /** The same, with how often each value of the measured field occurred. */
  public AggregateQuery withValueCounts() {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, true, keysPerBucket,
        foldRest, triesMeasured);
  }

  /** The same, keeping only the {@code n} most frequent keys per bucket. */
  public AggregateQuery withTopKeys(int n) {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, valueCounts, n, false,
        triesMeasured);
  }

  /**
   * The same, keeping the {@code n} most frequent keys per bucket and folding the others into
   * one row per bucket (see {@link BucketStats#folded}).
   */
  public AggregateQuery foldBeyond(int n) {
    return new AggregateQuery(from, to, step, filters, groupBy, valueField, valueCounts, n, true,
        triesMeasured);
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
