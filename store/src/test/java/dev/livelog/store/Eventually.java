package dev.livelog.store;

import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads make true, failing after a timeout. */
public final class Eventually {
  private Eventually() {}

  public static void holds(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition did not hold within 20 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
