package dev.livelog.source.command;

import dev.livelog.source.ExecProcess;
import java.io.InputStream;
import java.io.OutputStream;

/** livelog's own standard input as a command's output: {@code journalctl -f | livelog run}. */
final class StdinProcess implements ExecProcess {
  private final InputStream in;

  StdinProcess(InputStream in) {
    this.in = in;
  }

  @Override
  public InputStream stdout() {
    return in;
  }

  @Override
  public InputStream stderr() {
    return InputStream.nullInputStream();
  }

  @Override
  public OutputStream stdin() {
    return OutputStream.nullOutputStream();
  }

  /** The end of standard input is a normal end. */
  @Override
  public Integer exitStatus() {
    return 0;
  }

  @Override
  public boolean isAlive() {
    return true;
  }

  /** Standard input belongs to the process; its reader thread is a daemon. */
  @Override
  public void close() {}
}
