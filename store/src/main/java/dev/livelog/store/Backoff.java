package dev.livelog.store;

/** Retry delays that double from a first delay up to a cap, and start over after a success. */
final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private long next;

  Backoff(long firstMillis, long maxMillis) {
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.next = firstMillis;
  }

  /** 100 ms doubling to 5 s: quick when the store blinks, gentle when it is down. */
  static Backoff standard() {
    return new Backoff(100, 5_000);
  }

  long nextDelayMillis() {
    long delay = next;
    next = Math.min(maxMillis, next * 2);
    return delay;
  }

  void reset() {
    next = firstMillis;
  }
}
