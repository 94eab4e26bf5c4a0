package dev.livelog.source;

import java.io.IOException;

/**
 * A started command as a source reads it: its stdout drained on its own thread into a bounded
 * buffer ({@link StreamDrain}), so reads never block, and the last words of its stderr
 * ({@link StderrTail}), so an error can say what it said. A command source, a journal and a
 * remote tail each hold one while their command runs; closing it ends the command.
 */
public final class RunningCommand implements AutoCloseable {
  private static final int DRAIN_BYTES = 1 << 20;
  private static final long EXIT_STATUS_WAIT_MILLIS = 2_000;

  private final ExecProcess process;
  private final StreamDrain stdout;
  private final StderrTail stderr = new StderrTail();

  /** @param name the draining thread's name */
  public RunningCommand(ExecProcess process, String name) {
    this.process = process;
    this.stdout = new StreamDrain(process.stdout(), DRAIN_BYTES, name);
  }

  /**
   * Copies what stdout brought, at most {@code len} bytes; never blocks. When nothing came,
   * stderr is taken meanwhile, so a command never waits on a full stderr pipe.
   *
   * @return the bytes copied, 0 when nothing came, -1 once the output ended and was taken
   * @throws IOException the error that ended the output (a connection lost)
   */
  public int read(byte[] dst, int off, int len) throws IOException {
    int n = stdout.read(dst, off, len);
    if (n == 0) {
      stderr.poll(process.stderr());
    }
    return n;
  }

  /** Bytes of stdout waiting to be read. */
  public int buffered() {
    return stdout.buffered();
  }

  /** When stdout last brought bytes. */
  public long lastReceivedAt() {
    return stdout.lastReceivedAt();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The exit status, once the output ended: it follows the end shortly (a local process, an SSH
   * exit-status message), so it is waited for a little; null when it never came.
   */
  public Integer exitStatus() {
    long deadline = System.currentTimeMillis() + EXIT_STATUS_WAIT_MILLIS;
    Integer status = process.exitStatus();
    while (status == null && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      status = process.exitStatus();
    }
    return status;
  }

  /** What the command said on stderr, on one line, or an empty string. */
  public String said() {
    stderr.poll(process.stderr());
    return stderr.text();
  }

  /** How a command ended, for an error: {@code " with status 3: what it said"}. */
  public static String ending(Integer status, String said) {
    return (status == null ? "" : " with status " + status) + (said.isEmpty() ? "" : ": " + said);
  }

  /** How this command ended ({@link #ending(Integer, String)}), once its output did. */
  public String ending() {
    return ending(exitStatus(), said());
  }

  /** Ends the command and stops draining; safe from another thread. */
  @Override
  public void close() {
    process.close();
    stdout.close();
  }
}
