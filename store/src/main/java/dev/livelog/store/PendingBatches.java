package dev.livelog.store;

import dev.livelog.common.bus.EventBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Event batches waiting for the store, in arrival order, taken in chunks of up to
 * {@code maxEventsPerAppend} events so that many small batches make one append. Bounded by
 * events and by the characters of their lines: each event carries its line (up to
 * {@code pipeline.max_line_length}), so a count alone would let long lines fill the heap.
 */
final class PendingBatches {
  private final int maxEventsPerAppend;
  private final int maxEvents;
  private final long maxLineChars;
  private final ArrayDeque<Waiting> batches = new ArrayDeque<>();
  private int events;
  private long lineChars;

  /** A batch and its lines' size, counted once (what is added is what is taken off). */
  private record Waiting(EventBatch batch, long lineChars) {}

  PendingBatches(int maxEventsPerAppend, int maxEvents, long maxLineChars) {
    this.maxEventsPerAppend = maxEventsPerAppend;
    this.maxEvents = maxEvents;
    this.maxLineChars = maxLineChars;
  }

  /** Adds the batch unless that would pass a bound; an oversized batch alone is taken. */
  boolean offer(EventBatch batch) {
    int size = batch.events().size();
    long chars = batch.lineChars();
    if (!batches.isEmpty() && (events + size > maxEvents || lineChars + chars > maxLineChars)) {
      return false;
    }
    batches.add(new Waiting(batch, chars));
    events += size;
    lineChars += chars;
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

  /** Characters of the waiting events' lines. */
  long lineChars() {
    return lineChars;
  }

  /** The oldest batches, up to one append's worth of events, and always at least one. */
  List<EventBatch> takeAppend() {
    List<EventBatch> taken = new ArrayList<>();
    int takenEvents = 0;
    while (!batches.isEmpty()) {
      int size = batches.peek().batch().events().size();
      if (!taken.isEmpty() && takenEvents + size > maxEventsPerAppend) {
        break;
      }
      Waiting next = batches.poll();
      taken.add(next.batch());
      takenEvents += size;
      lineChars -= next.lineChars();
    }
    events -= takenEvents;
    return taken;
  }
}
