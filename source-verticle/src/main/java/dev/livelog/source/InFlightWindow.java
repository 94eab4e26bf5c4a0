package dev.livelog.source;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The batches a source has sent and the store has not yet acknowledged, in the order sent.
 * Acknowledgements may come out of order (several parsers); the committed offset advances
 * only over a prefix of acknowledged batches, so a checkpoint never skips a lost batch.
 */
public final class InFlightWindow {
  private static final class Entry {
    final long start;
    final long end;
    final long sentAt;
    boolean acked;

    Entry(long start, long end, long sentAt) {
      this.start = start;
      this.end = end;
      this.sentAt = sentAt;
    }
  }

  private final int capacity;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long committed;

  public InFlightWindow(int capacity, long committed) {
    this.capacity = capacity;
    this.committed = committed;
  }

  public boolean hasRoom() {
    return entries.size() < capacity;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  public void sent(long start, long end, long now) {
    entries.addLast(new Entry(start, end, now));
  }

  /**
   * Marks the batch that ends at {@code end} as stored.
   *
   * @return whether the committed offset moved
   */
  public boolean ack(long start, long end) {
    for (Entry e : entries) {
      if (e.start == start && e.end == end) {
        e.acked = true;
      }
    }
    boolean moved = false;
    while (!entries.isEmpty() && entries.peekFirst().acked) {
      committed = entries.pollFirst().end;
      moved = true;
    }
    return moved;
  }

  /** Everything before this offset is stored: where a restart resumes. */
  public long committed() {
    return committed;
  }

  /** When the oldest unacknowledged batch was sent, or -1 when none is waiting. */
  public long oldestSentAt() {
    Iterator<Entry> it = entries.iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (!e.acked) {
        return e.sentAt;
      }
    }
    return -1;
  }

  /** Forgets everything in flight: the source re-reads from {@link #committed()}. */
  public void rewind() {
    entries.clear();
  }

  /** Starts over at another position, e.g. the start of a new file after rotation. */
  public void reset(long newCommitted) {
    entries.clear();
    committed = newCommitted;
  }
}
