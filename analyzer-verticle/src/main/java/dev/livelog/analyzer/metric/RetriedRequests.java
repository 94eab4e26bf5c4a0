package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;

/** Events whose field lists more than one upstream try ({@link FieldRef#tries}). */
final class RetriedRequests implements Accumulator {
  private long count;

  @Override
  public void add(LogEvent event, FieldRef field) {
    if (field.tries(event) > 1) {
      count++;
    }
  }

  /** Rows of {@code AggregateQuery.measuringTries}: how many events listed each number of tries. */
  @Override
  public void absorb(BucketStats row) {
    row.valueCounts().forEach((tries, events) -> {
      if (tries > 1) {
        count += events;
      }
    });
  }

  @Override
  public void merge(Accumulator other) {
    count += ((RetriedRequests) other).count;
  }

  @Override
  public Accumulator empty() {
    return new RetriedRequests();
  }

  long count() {
    return count;
  }
}
