package dev.livelog.source;

import java.io.IOException;

/**
 * Where a source runs its commands: this machine, or an SSH host over one connection kept
 * between them ({@code RemoteCommands}). {@link #close} may come from another thread: it aborts
 * a connection attempt in progress.
 */
@FunctionalInterface
public interface CommandRunner extends AutoCloseable {

  /** Starts a command line ({@code sh} syntax). */
  ExecProcess start(String command) throws IOException;

  /** Ends the connection the commands run over, if there is one. */
  @Override
  default void close() {}
}
