package dev.livelog.store.query;

import java.time.Duration;

/**
 * When a query over stored data must have answered: a store cancels its statement there
 * (DuckDB statement cancel, MongoDB {@code maxTimeMS}) and fails with
 * {@link QueryRefused#timedOut}. A query still queued when its deadline passes never starts.
 */
public record Deadline(long atNanos, Duration budget) {

  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos(), budget);
  }

  /** Milliseconds left, 0 once passed. */
  public long remainingMillis() {
    return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
  }

  public boolean passed() {
    return System.nanoTime() - atNanos >= 0;
  }

  /** The failure a query cancelled at this deadline ends with. */
  public QueryRefused exceeded() {
    return QueryRefused.timedOut(budget);
  }
}
