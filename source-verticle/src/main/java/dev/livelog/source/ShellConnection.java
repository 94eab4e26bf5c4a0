package dev.livelog.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link RemoteShell} kept open between commands and opened again when it dropped; closing
 * it from another thread aborts a connection attempt in progress (a stop does not wait for a
 * host that never answers).
 */
public final class ShellConnection implements AutoCloseable {
  private final RemoteShell.Connector connector;
  private volatile RemoteShell shell;
  private volatile ConnectAttempt attempt;
  private volatile boolean closed;

  public ShellConnection(RemoteShell.Connector connector) {
    this.connector = connector;
  }

  /**
   * The open shell, connecting first when there is none or it dropped.
   *
   * @param where names the source in the error when it was closed meanwhile
   */
  public RemoteShell open(String where) throws IOException {
    RemoteShell s = shell;
    if (s != null && s.isOpen()) {
      return s;
    }
    if (s != null) {
      s.close();
    }
    ConnectAttempt a = new ConnectAttempt();
    attempt = a;
    if (closed) {
      throw new IOException(where + ": stopped");
    }
    s = connector.connect(a);
    a.done();
    shell = s;
    if (closed) {
      s.close();
      throw new IOException(where + ": stopped");
    }
    return s;
  }

  /**
   * Starts {@code command}, a {@code sh} reading its program from standard input, and sends it
   * {@code program}, connecting first when needed. A failure drops the connection: the next
   * command connects again.
   *
   * @param where names the source in the error when it was closed meanwhile
   */
  public ExecProcess run(String where, String command, String program) throws IOException {
    RemoteShell s = open(where);
    ExecProcess p = null;
    try {
      p = s.exec(command);
      OutputStream in = p.stdin();
      in.write(program.getBytes(StandardCharsets.UTF_8));
      in.flush();
      return p;
    } catch (IOException | RuntimeException e) {
      if (p != null) {
        p.close();
      }
      drop();
      throw e;
    }
  }

  /** The shell now, or null before the first connection. */
  public RemoteShell current() {
    return shell;
  }

  /** Drops the connection after a failure: the next {@link #open} connects again. */
  public void drop() {
    RemoteShell s = shell;
    shell = null;
    if (s != null) {
      s.close();
    }
  }

  /** Ends the connection, or the attempt in progress; safe from another thread. */
  @Override
  public void close() {
    closed = true;
    ConnectAttempt a = attempt;
    if (a != null) {
      a.abort();
    }
    RemoteShell s = shell;
    if (s != null) {
      s.close();
    }
  }

  public boolean isClosed() {
    return closed;
  }
}
