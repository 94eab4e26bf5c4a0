package dev.livelog.common.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Retry delays after failures, for sources reconnecting and the store retrying writes. A step
 * starts at {@code first} and doubles after each failure up to {@code max}; {@link #reset()}
 * (after a success) starts over.
 *
 * <ul>
 *   <li>{@link #exact}: the delay is the step itself (100, 200, 400 ... ms);
 *   <li>{@link #equalJitter}: the delay is half the step plus a uniformly random amount up to
 *       the other half, i.e. in {@code [step/2, step]}, so that many sources failing at once (a
 *       host went down) do not all retry in the same instant, while each still waits at least
 *       half the step.
 * </ul>
 */
public final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private final boolean jitter;
  private long step;

  private Backoff(long firstMillis, long maxMillis, boolean jitter) {
    if (firstMillis < 1 || maxMillis < firstMillis) {
      throw new IllegalArgumentException("need 1 <= first <= max, got " + firstMillis + " and "
          + maxMillis);
    }
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.jitter = jitter;
    this.step = firstMillis;
  }

  /** Delays of exactly the step: {@code first}, doubling up to {@code max}. */
  public static Backoff exact(long firstMillis, long maxMillis) {
    return new Backoff(firstMillis, maxMillis, false);
  }

  /** Delays in {@code [step/2, step]}, the step doubling from {@code first} up to {@code max}. */
  public static Backoff equalJitter(long firstMillis, long maxMillis) {
    return new Backoff(firstMillis, maxMillis, true);
  }

  /** The delay before the next attempt; the step after it doubles (up to the cap). */
  public long nextDelayMillis() {
    long current = step;
    step = Math.min(maxMillis, step * 2);
    return jitter ? current / 2 + ThreadLocalRandom.current().nextLong(current - current / 2 + 1)
        : current;
  }

  /** After a success: the next delay is the first one again. */
  public void reset() {
    step = firstMillis;
  }
}
