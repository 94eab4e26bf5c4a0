package dev.livelog.source;

import java.io.InputStream;
import java.io.OutputStream;

/** A running command, local or on an SSH host: its three streams and, once it ended, its status. */
public interface ExecProcess extends AutoCloseable {

  InputStream stdout();

  InputStream stderr();

  OutputStream stdin();

  /** The exit status once the command ended, else null (also when the host never said). */
  Integer exitStatus();

  /** Whether the command still runs (for SSH: whether its channel is open). */
  boolean isAlive();

  /** Ends the command: closes its input first (a remote tail stops on that), then the rest. */
  @Override
  void close();
}
