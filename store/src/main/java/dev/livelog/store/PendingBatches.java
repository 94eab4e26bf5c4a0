package dev.livelog.store;

import dev.livelog.common.bus.EventBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Event batches waiting for the store, in arrival order, taken in chunks of up to
 * {@code maxEventsPerAppend} events so that many small batches make one append. Bounded.
 */
final class PendingBatches {
  private final int maxEventsPerAppend;
  private final int maxEvents;
  private final ArrayDeque<EventBatch> batches = new ArrayDeque<>();
  private int events;

  PendingBatches(int maxEventsPerAppend, int maxEvents) {
    this.maxEventsPerAppend = maxEventsPerAppend;
    this.maxEvents = maxEvents;
  }

  /** Adds the batch unless that would pass the bound; an oversized batch alone is taken. */
  boolean offer(EventBatch batch) {
    int size = batch.events().size();
    if (!batches.isEmpty() && events + size > maxEvents) {
      return false;
    }
    batches.add(batch);
    events += size;
    return true;
  }

  boolean isEmpty() {
    return batches.isEmpty();
  }

  /** Enough events wait to fill an append. */
  boolean fillsAnAppend() {
    return events >= maxEventsPerAppend;
  }

  int events() {
    return events;
  }

  /** The oldest batches, up to one append's worth of events, and always at least one. */
  List<EventBatch> takeAppend() {
    List<EventBatch> taken = new ArrayList<>();
    int takenEvents = 0;
    while (!batches.isEmpty()) {
      int size = batches.peek().events().size();
      if (!taken.isEmpty() && takenEvents + size > maxEventsPerAppend) {
        break;
      }
      taken.add(batches.poll());
      takenEvents += size;
    }
    events -= takenEvents;
    return taken;
  }
}
