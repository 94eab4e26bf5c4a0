package dev.livelog.source;

import java.io.IOException;

/**
 * One attempt to connect, which another thread may abort: stopping a source while it waits
 * for a host that accepted the TCP connection but never answers must not wait for the timeout.
 * The connector registers what it is connecting with; {@link #abort()} closes it.
 */
public final class ConnectAttempt {
  private AutoCloseable resource;
  private boolean aborted;

  /** Registers what an abort closes; fails at once if the attempt was already aborted. */
  public synchronized void holds(AutoCloseable connecting) throws IOException {
    if (aborted) {
      closeQuietly(connecting);
      throw new IOException("stopped while connecting");
    }
    resource = connecting;
  }

  /** The connection is established: an abort no longer concerns it. */
  public synchronized void done() {
    resource = null;
  }

  public synchronized void abort() {
    aborted = true;
    closeQuietly(resource);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // Aborting: the attempt fails either way.
    }
  }
}
