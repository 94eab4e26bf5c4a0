package dev.livelog.alert;

/**
 * The mean of a series over a span of the past too old for the datapoints in memory (a day
 * or a week ago), for {@link Change} rules; null while it is not known (not read from the
 * store yet, or nothing stored then).
 */
interface Baselines {
  Baselines NONE = (rule, series, from, to) -> null;

  /** The mean of the rule's period's datapoints of {@code series} with times in {@code (from, to]}. */
  Double mean(AlertRule rule, String series, long from, long to);
}
