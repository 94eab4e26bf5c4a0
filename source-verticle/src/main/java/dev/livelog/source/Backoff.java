package dev.livelog.source;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, capped: after each failure the delay doubles (up to
 * the cap) and a random part of it is used, so many sources failing together do not retry in
 * lockstep. A success resets it.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long current;

  public Backoff(long initialMillis, long maxMillis) {
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.current = initialMillis;
  }

  /** The delay before the next attempt. */
  public long next() {
    long ceiling = current;
    current = Math.min(maxMillis, current * 2);
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  public void reset() {
    current = initialMillis;
  }
}
