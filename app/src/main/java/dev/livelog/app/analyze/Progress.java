package dev.livelog.app.analyze;

import java.io.PrintWriter;

/**
 * A progress line on stderr for big inputs on a terminal, rewritten in place at most twice a
 * second; nothing when output goes to a file or a pipe, so logs and scripts stay clean.
 */
final class Progress {
  private static final long BIG_INPUT = 64L * 1024 * 1024;

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastPrinted;

  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
    this.enabled = System.console() != null && total >= BIG_INPUT;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (!enabled || now - lastPrinted < 500_000_000L) {
      return;
    }
    lastPrinted = now;
    double seconds = (now - started) / 1e9;
    err.printf("\ranalyzing: %,d of %,d MB (%.0f%%), %.0f MB/s   ", done >> 20, total >> 20,
        100.0 * done / total, (done >> 20) / Math.max(seconds, 1e-3));
    err.flush();
  }

  void done() {
    if (enabled && lastPrinted > 0) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
