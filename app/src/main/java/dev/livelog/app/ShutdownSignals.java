package dev.livelog.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM, then stops the node cleanly: sources drain, the store
 * flushes, the node leaves the cluster, and the process exits 0. Signal handlers replace the
 * JVM's default shutdown, which would exit 130/143 without waiting for the store.
 */
public final class ShutdownSignals {
  private static final long STOP_TIMEOUT_SECONDS = 10;

  private ShutdownSignals() {}

  /** Blocks until a signal arrives, then stops the node; returns whether it stopped in time. */
  public static boolean awaitAndStop(LivelogNode node, java.io.PrintWriter err) throws InterruptedException {
    CountDownLatch signalled = new CountDownLatch(1);
    Signal.handle(new Signal("INT"), s -> signalled.countDown());
    Signal.handle(new Signal("TERM"), s -> signalled.countDown());
    signalled.await();
    err.println("livelog: stopping (draining sources, flushing the store)...");
    CountDownLatch stopped = new CountDownLatch(1);
    node.stop().onComplete(ar -> {
      if (ar.failed()) {
        err.println("livelog: stop: " + ar.cause().getMessage());
      }
      stopped.countDown();
    });
    boolean inTime = stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    err.println(inTime ? "livelog: stopped" : "livelog: did not stop within "
        + STOP_TIMEOUT_SECONDS + " s");
    return inTime;
  }
}
