package dev.livelog.source;

import java.io.IOException;

/**
 * Where a remote tail runs its commands: an SSH connection in production, a local {@code sh}
 * in tests of the tail logic. One shell serves one source; commands run one after another.
 */
public interface RemoteShell extends AutoCloseable {

  /** Starts a command (as OpenSSH does: through the account's login shell). */
  ExecProcess exec(String command) throws IOException;

  /** Whether commands can still be started (the connection is up). */
  boolean isOpen();

  /** Who this is, for messages: {@code user@host:port}, never a secret. */
  String label();

  @Override
  void close();

  /** Opens a shell; called again to reconnect. The attempt lets a stop abort it. */
  @FunctionalInterface
  interface Connector {
    RemoteShell connect(ConnectAttempt attempt) throws IOException;
  }
}
