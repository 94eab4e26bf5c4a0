package dev.livelog.source.command;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.redact.Redaction;
import dev.livelog.source.CommandRunner;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.RunningCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A command's standard output as a source: a local command ({@code journalctl -f -o cat},
 * {@code kubectl logs -f ...}) run through {@code sh -c}, a command on an SSH host, or
 * livelog's own standard input.
 *
 * <p>Output cannot be read twice, so there is nothing to resume: each run of the command is a
 * new identity ({@code cmd-<start time>-<n>}) read from offset 0, and a checkpoint only records
 * how far it got. A command that exits with status 0 (or the end of stdin) ends the source;
 * another status is an error, and the command is started again after a backoff (as a new
 * identity, reported like a rotation). Choose commands that start at the end of their log
 * ({@code journalctl -f -n 0}) to avoid reading old lines again after a restart.
 */
public final class CommandSource implements LineSource {
  private static final AtomicLong RUNS = new AtomicLong();

  private final String sourceId;
  private final String hostLabel;
  private final String description;
  private final String command;
  private final CommandRunner runner;
  private final byte[] chunk = new byte[64 * 1024];
  private volatile RunningCommand running;
  private String identity;
  private long offset;
  private boolean restarted;

  /**
   * @param description the command as status and errors show it
   * @param runner where the command runs (closed with the source)
   */
  public CommandSource(String sourceId, String hostLabel, String description, String command,
      CommandRunner runner) {
    this.sourceId = sourceId;
    this.hostLabel = hostLabel;
    this.description = description;
    this.command = command;
    this.runner = runner;
  }

  /**
   * A command run locally through {@code sh -c}. Its status and errors show it redacted
   * ({@link Redaction#command}): its arguments may hold credentials.
   */
  public static CommandSource local(String sourceId, String command) {
    return new CommandSource(sourceId, "localhost", Redaction.command(command), command,
        LocalProcess::start);
  }

  /** livelog's standard input. */
  public static CommandSource stdin(String sourceId, InputStream in) {
    return new CommandSource(sourceId, "localhost", "-", "-", command -> new StdinProcess(in));
  }

  /** A command run on an SSH host ({@link RemoteCommands}). */
  public static CommandSource remote(String sourceId, String hostLabel, String command,
      RemoteShell.Connector connector) {
    return new CommandSource(sourceId, hostLabel, Redaction.command(command), command,
        new RemoteCommands(sourceId, connector));
  }

  @Override
  public Checkpoint open(Checkpoint checkpoint) throws IOException {
    startCommand();
    return new Checkpoint(null, identity, 0, System.currentTimeMillis());
  }

  private void startCommand() throws IOException {
    running = new RunningCommand(runner.start(command), "livelog-cmd-" + sourceId);
    identity = "cmd-" + System.currentTimeMillis() + "-" + RUNS.incrementAndGet();
    offset = 0;
  }

  @Override
  public ReadStatus read(ByteBuffer buffer) throws IOException {
    if (restarted) {
      return ReadStatus.ROTATED;
    }
    int n = running.read(chunk, 0, Math.min(chunk.length, buffer.remaining()));
    if (n > 0) {
      buffer.put(chunk, 0, n);
      offset += n;
      return ReadStatus.DATA;
    }
    if (n == 0) {
      return ReadStatus.IDLE;
    }
    Integer status = running.exitStatus();
    if (status != null && status == 0) {
      return ReadStatus.ENDED;
    }
    throw new IOException(where() + ": the command exited"
        + RunningCommand.ending(status, Redaction.uris(running.said())));
  }

  /**
   * Output that was read cannot be read again: when the command still runs, reading goes on
   * where it is. When it has ended (a failure), it is started again as a new identity.
   */
  @Override
  public void seek(long newOffset) throws IOException {
    if (running.isAlive()) {
      return;
    }
    running.close();
    startCommand();
    restarted = true;
  }

  @Override
  public Checkpoint follow() {
    restarted = false;
    return new Checkpoint(null, identity, 0, System.currentTimeMillis());
  }

  @Override
  public String fileId() {
    return identity;
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public long bytesBehind() {
    RunningCommand r = running;
    return r == null ? -1 : r.buffered();
  }

  @Override
  public String host() {
    return hostLabel;
  }

  @Override
  public String path() {
    return description;
  }

  private String where() {
    return hostLabel + ": " + description;
  }

  @Override
  public void close() {
    runner.close();
    RunningCommand r = running;
    if (r != null) {
      r.close();
    }
  }
}
