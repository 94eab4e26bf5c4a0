package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;

/**
 * What one series knows about some events, as its metric records them: plain statistics, a
 * histogram, a top-values sketch. Mergeable, so a window is the merge of its seconds, and fed
 * either live, an event at a time, or from a store's aggregated rows.
 */
public interface Accumulator {
  /**
   * Records an event that passed its analyzer's filter. Called for every such event: no
   * allocation in the common case.
   *
   * @param field the analyzer's field, or null when it has none
   */
  void add(LogEvent event, FieldRef field);

  /**
   * Records one try of an event whose {@code by} field lists a value per upstream server tried
   * (nginx's {@code $upstream_addr}): try {@code attempt}, from 0, under that try's series. A
   * metric that measures a field reads that try's value ({@link FieldRef#numberAt}); by
   * default the event is recorded whole, once for each try.
   */
  default void addTry(LogEvent event, FieldRef field, int attempt) {
    add(event, field);
  }

  /** Adds a row of its metric's {@link Metric#storeQuery}, as {@link #add} would have. */
  void absorb(BucketStats row);

  /** Adds what another accumulator of the same metric holds. */
  void merge(Accumulator other);

  /** An empty accumulator of the same kind and capacity, to merge windows into. */
  Accumulator empty();
}
