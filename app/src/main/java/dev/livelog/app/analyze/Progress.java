package dev.livelog.app.analyze;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code analyze} on stderr. On a terminal it is rewritten in place twice
 * a second; elsewhere (with {@code --progress always}) a line is added every 5 s, so a CI log
 * does not fill with carriage returns. {@code auto} shows it when stderr is a terminal and the
 * input is big (64 MiB) or stdin (its size unknown, so bytes read and speed only).
 */
final class Progress {
  /** When to show the progress line. */
  enum Mode { AUTO, ALWAYS, NEVER }

  private static final long BIG_INPUT = 64L * 1024 * 1024;
  private static final long IN_PLACE_EVERY = 500_000_000L;
  private static final long LINE_EVERY = 5_000_000_000L;

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final boolean inPlace;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastPrinted;

  /** @param total the input's size in bytes, 0 when unknown (stdin) */
  Progress(PrintWriter err, long total, Mode mode, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.total = total;
    this.inPlace = terminal;
    this.enabled = switch (mode) {
      case NEVER -> false;
      case ALWAYS -> true;
      case AUTO -> terminal && (total == 0 || total >= BIG_INPUT);
    };
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastPrinted = started;
  }

  Progress(PrintWriter err, long total, Mode mode) {
    this(err, total, mode, stderrIsATerminal(), System::nanoTime);
  }

  void update(long done) {
    long now = nanoTime.getAsLong();
    if (!enabled || now - lastPrinted < (inPlace ? IN_PLACE_EVERY : LINE_EVERY)) {
      return;
    }
    lastPrinted = now;
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    String line = total > 0
        ? String.format("analyzing: %,d of %,d MB (%.0f%%), %.0f MB/s", done >> 20, total >> 20,
            100.0 * done / total, (done >> 20) / seconds)
        : String.format("analyzing: %,d MB read, %.0f MB/s", done >> 20, (done >> 20) / seconds);
    err.print(inPlace ? "\r" + line + "   " : line + System.lineSeparator());
    err.flush();
  }

  void done() {
    if (enabled && inPlace && lastPrinted > started) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }

  /**
   * Whether stderr is a terminal: on Linux, what file descriptor 2 points at; elsewhere, a
   * console on stdin and stdout is the best guess Java offers.
   */
  static boolean stderrIsATerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
