package dev.livelog.source.ssh;

import dev.livelog.source.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.schmizz.sshj.connection.channel.direct.Session;

/** A command running in an SSH session channel. */
final class SshExec implements ExecProcess {
  private final Session session;
  private final Session.Command command;

  SshExec(Session session, Session.Command command) {
    this.session = session;
    this.command = command;
  }

  @Override
  public InputStream stdout() {
    return command.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return command.getErrorStream();
  }

  @Override
  public OutputStream stdin() {
    return command.getOutputStream();
  }

  @Override
  public Integer exitStatus() {
    return command.getExitStatus();
  }

  @Override
  public boolean isAlive() {
    return command.isOpen();
  }

  /**
   * Sends end-of-file first: the remote tail's watcher ends the program on it, so nothing stays
   * running on the server even though, without a terminal, sshd does not signal the command.
   */
  @Override
  public void close() {
    try {
      command.getOutputStream().close();
    } catch (IOException | RuntimeException ignored) {
      // The channel is already gone.
    }
    try {
      session.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a dead channel: the connection is torn down by its owner.
    }
  }
}
