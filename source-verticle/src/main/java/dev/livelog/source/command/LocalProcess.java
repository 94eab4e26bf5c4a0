package dev.livelog.source.command;

import dev.livelog.source.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** A command run on this machine through {@code sh -c}. */
public final class LocalProcess implements ExecProcess {
  private final Process process;

  private LocalProcess(Process process) {
    this.process = process;
  }

  public static LocalProcess start(String command) throws IOException {
    return new LocalProcess(new ProcessBuilder(List.of("/bin/sh", "-c", command)).start());
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return process.getErrorStream();
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public Integer exitStatus() {
    return process.isAlive() ? null : process.exitValue();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Closes its input, then ends it and what it started (a pipeline's other commands). */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already gone.
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
