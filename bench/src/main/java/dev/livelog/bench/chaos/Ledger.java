package dev.livelog.bench.chaos;

import java.util.Arrays;

/**
 * Every sequence number handed out, with the fault that was the latest when its line was
 * written: what the store is checked against. Numbers are unique across all logs.
 */
final class Ledger {
  /** The label of lines written before the first fault. */
  static final String BEFORE_ANY_FAULT = "none";

  private byte[] tags = new byte[1 << 16];
  private int next;
  private volatile Fault current;

  /** From now on, lines are written under {@code fault}. */
  void faultBegins(Fault fault) {
    current = fault;
  }

  /** The next sequence number, recorded under the current fault; its line's label. */
  synchronized Entry next() {
    if (next == tags.length) {
      tags = Arrays.copyOf(tags, tags.length * 2);
    }
    Fault fault = current;
    tags[next] = (byte) (fault == null ? 0 : fault.ordinal() + 1);
    return new Entry(next++, fault == null ? BEFORE_ANY_FAULT : fault.label());
  }

  record Entry(int seq, String label) {}

  synchronized int written() {
    return next;
  }

  /** The fault a line was written under, or null before any fault. */
  synchronized Fault faultOf(int seq) {
    int tag = tags[seq];
    return tag == 0 ? null : Fault.values()[tag - 1];
  }
}
