package dev.livelog.source.command;

import dev.livelog.source.ExecProcess;
import dev.livelog.source.RemoteShell;
import java.io.IOException;

/** Runs commands on this machine: the remote tail's logic, tested without a network. */
public final class LocalShell implements RemoteShell {
  private volatile boolean open = true;

  @Override
  public ExecProcess exec(String command) throws IOException {
    if (!open) {
      throw new IOException("local shell closed");
    }
    return LocalProcess.start(command);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public String label() {
    return "localhost";
  }

  @Override
  public void close() {
    open = false;
  }
}
