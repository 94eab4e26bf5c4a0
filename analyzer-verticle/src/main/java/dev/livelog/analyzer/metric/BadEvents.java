package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.EventFilter;
import dev.livelog.store.query.BucketStats;

/**
 * Events that are not good by an SLO's {@code good} condition, counted (the group's events are
 * the window's): all a burn rate needs. Stored rows come counted by the store, already only the
 * bad ones ({@link BurnRate#storeQuery}).
 */
final class BadEvents implements Accumulator {
  private final EventFilter bad;
  private long count;

  BadEvents(EventFilter bad) {
    this.bad = bad;
  }

  @Override
  public void add(LogEvent event, FieldRef field) {
    if (bad.test(event)) {
      count++;
    }
  }

  @Override
  public void absorb(BucketStats row) {
    count += row.count();
  }

  @Override
  public void merge(Accumulator other) {
    count += ((BadEvents) other).count;
  }

  @Override
  public Accumulator empty() {
    return new BadEvents(bad);
  }

  long count() {
    return count;
  }
}
