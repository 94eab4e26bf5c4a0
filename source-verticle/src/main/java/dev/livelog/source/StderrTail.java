package dev.livelog.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last bytes a command wrote on stderr, read without blocking, so that an error can say
 * what the command said ({@code sh: 1: stat: not found}). Bounded: older output is dropped,
 * and one poll takes at most {@link #POLL_BYTES}, so a command that writes stderr without end
 * cannot hold the reader.
 */
public final class StderrTail {
  private static final int KEEP = 2048;
  static final int POLL_BYTES = 64 * 1024;
  private final byte[] kept = new byte[KEEP];
  private final byte[] chunk = new byte[KEEP];
  private int size;

  /** Takes what is available now from the stream, up to {@link #POLL_BYTES}. */
  public void poll(InputStream err) {
    try {
      int available;
      for (int taken = 0; taken < POLL_BYTES && (available = err.available()) > 0; ) {
        int n = err.read(chunk, 0, Math.min(available, chunk.length));
        if (n <= 0) {
          return;
        }
        keep(chunk, n);
        taken += n;
      }
    } catch (IOException | RuntimeException e) {
      // stderr is only for messages; a closed stream has nothing more to say.
    }
  }

  private void keep(byte[] chunk, int n) {
    int drop = Math.max(0, size + n - KEEP);
    System.arraycopy(kept, drop, kept, 0, size - drop);
    size -= drop;
    System.arraycopy(chunk, Math.max(0, n - KEEP), kept, size, Math.min(n, KEEP));
    size += Math.min(n, KEEP);
  }

  /** What was said, trimmed to one line, or an empty string. */
  public String text() {
    return new String(kept, 0, size, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\n\\s*", "; ");
  }
}
