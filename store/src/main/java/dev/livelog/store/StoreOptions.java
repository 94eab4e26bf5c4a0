package dev.livelog.store;

import dev.livelog.common.config.StorageConfig;
import java.time.Duration;

/**
 * How the {@link StoreVerticle} feeds its store.
 *
 * @param retention how long raw events are kept
 * @param maxEventsPerAppend most events coalesced into one append
 * @param linger how long the first batch waits for company before an idle store appends it
 *     (none by default: batches arriving while an append runs go together into the next)
 * @param maxPendingEvents bound on events waiting for the store (sources bound their in-flight
 *     batches, so this only guards against a misbehaving one)
 * @param maxPendingLineChars bound on the characters of those events' lines: each carries its
 *     line, up to {@code pipeline.max_line_length}, so long lines reach it before the count
 * @param expireEvery how often events older than the retention are deleted
 * @param deadLettersKept how many of the newest dead letters are kept
 */
public record StoreOptions(Duration retention, int maxEventsPerAppend, Duration linger,
    int maxPendingEvents, long maxPendingLineChars, Duration expireEvery, int deadLettersKept) {
  /** 256 Mi characters: 256 MiB of ASCII lines. */
  static final long MAX_PENDING_LINE_CHARS = 256L << 20;

  public static StoreOptions defaults() {
    return new StoreOptions(Duration.ofDays(7), 5_000, Duration.ZERO, 200_000,
        pendingLineCharsFor(Runtime.getRuntime().maxMemory()), Duration.ofMinutes(1), 1_000);
  }

  /** {@link #MAX_PENDING_LINE_CHARS}, or a quarter of a smaller heap. */
  static long pendingLineCharsFor(long maxHeapBytes) {
    return Math.min(MAX_PENDING_LINE_CHARS, maxHeapBytes / 4);
  }

  public static StoreOptions of(StorageConfig storage) {
    return defaults().withRetention(storage.retention());
  }

  public StoreOptions withLinger(Duration linger) {
    return new StoreOptions(retention, maxEventsPerAppend, linger, maxPendingEvents,
        maxPendingLineChars, expireEvery, deadLettersKept);
  }

  public StoreOptions withRetention(Duration retention) {
    return new StoreOptions(retention, maxEventsPerAppend, linger, maxPendingEvents,
        maxPendingLineChars, expireEvery, deadLettersKept);
  }
}
