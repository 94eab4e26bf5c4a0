package dev.livelog.source.ssh;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.ExecProcess;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.LineSource;
import dev.livelog.source.LostFile;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.RunningCommand;
import dev.livelog.source.ShellConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a file on a remote host: runs {@link TailScript} there through a {@link RemoteShell}
 * (an SSH connection) and turns its framed output into bytes at exact offsets of an exact file
 * identity, so event ids never repeat and nothing is skipped across reconnects, rotation and
 * truncation.
 *
 * <p>The command's output is drained by its own thread into a bounded buffer
 * ({@link RunningCommand}), so {@link #read} returns at once, with {@code IDLE} when nothing is
 * new. A reconnect or a rewind ({@link #seek}) starts the program again at an offset of the
 * current file; when that file was truncated or rotated away meanwhile, the next read reports
 * it, as a rotation seen while streaming would be.
 */
public final class SshTailSource implements LineSource {
  private static final long START_TIMEOUT_MILLIS = 30_000;
  private static final long STALL_MILLIS = 20_000;

  private final String sourceId;
  private final String hostLabel;
  private final String path;
  private final boolean fromStart;
  private final boolean endWhenGone;
  private final Duration poll;
  private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();

  private final ShellConnection connection;
  private volatile RunningCommand running;
  private TailDecoder decoder;
  private FileIdentity identity;
  private long offset;
  private long remoteSize = -1;
  private ReadStatus pending;
  /** A read failed: the stream must be started again, whatever it looks like. */
  private boolean broken;
  private FileIdentity pendingIdentity;
  /** The fingerprint of the file being read, from the checkpoint or the bytes read. */
  private Fingerprint.Builder fingerprint = new Fingerprint.Builder();
  private final List<LostFile> losses = new ArrayList<>();

  public SshTailSource(String sourceId, String hostLabel, String path, boolean fromStart,
      Duration poll, RemoteShell.Connector connector) {
    this(sourceId, hostLabel, path, fromStart, poll, connector, false);
  }

  /** @param endWhenGone a file of a set: the stream ENDs once the path is gone and read */
  public SshTailSource(String sourceId, String hostLabel, String path, boolean fromStart,
      Duration poll, RemoteShell.Connector connector, boolean endWhenGone) {
    this.endWhenGone = endWhenGone;
    this.sourceId = sourceId;
    this.hostLabel = hostLabel;
    this.path = path;
    this.fromStart = fromStart;
    this.poll = poll;
    this.connection = new ShellConnection(connector);
  }

  @Override
  public Checkpoint open(Checkpoint checkpoint) throws IOException {
    FileIdentity stored = checkpoint == null ? null : FileIdentity.parseOrNull(checkpoint.fileId());
    long at = stored == null ? 0 : checkpoint.offset();
    Fingerprint known = stored == null ? null : Fingerprint.parse(checkpoint.fingerprint());
    fingerprint = new Fingerprint.Builder(known);
    TailDecoder.Followed f = start(stored, at);
    switch (f.why()) {
      case RESUME -> { identity = stored; offset = f.position(); }
      case NEW -> { identity = FileIdentity.parse(f.fileId()); offset = f.position(); }
      case GONE -> {
        if (stored != null) {
          losses.add(new LostFile(hostLabel + ":" + path, stored.toString(), at));
        }
        identity = stored == null ? new FileIdentity(0, 0, 0) : stored;
        offset = at;
      }
      case TRUNCATED, ROTATED -> {
        losses.add(new LostFile(hostLabel + ":" + path, stored.toString(), at));
        identity = stored.successor(FileIdentity.parse(f.fileId()));
        offset = 0;
        fingerprint = new Fingerprint.Builder();
      }
    }
    return new Checkpoint(null, identity.toString(), offset, System.currentTimeMillis(),
        offset > 0 ? fingerprint.current() : null);
  }

  /** Starts the remote program again at {@code newOffset} of the current file (reconnecting if needed). */
  @Override
  public void seek(long newOffset) throws IOException {
    if (newOffset == offset && pending == null && !broken && streamIsHealthy()) {
      return;
    }
    pending = null;
    broken = true;
    TailDecoder.Followed f = start(identity, newOffset);
    broken = false;
    offset = newOffset;
    switch (f.why()) {
      case RESUME -> { }
      case GONE -> losses.add(new LostFile(hostLabel + ":" + path, identity.toString(), newOffset));
      case TRUNCATED -> switchLater(ReadStatus.TRUNCATED, identity.nextGeneration());
      case NEW, ROTATED -> {
        losses.add(new LostFile(hostLabel + ":" + path, identity.toString(), newOffset));
        switchLater(ReadStatus.ROTATED, identity.successor(FileIdentity.parse(f.fileId())));
      }
    }
  }

  private void switchLater(ReadStatus status, FileIdentity next) {
    pending = status;
    pendingIdentity = next;
  }

  @Override
  public ReadStatus read(ByteBuffer buffer) throws IOException {
    if (pending != null) {
      return pending;
    }
    try {
      long at = offset;
      ReadStatus status = readFrames(buffer);
      fingerprint.read(buffer.array(), buffer.position(), at);
      return status;
    } catch (IOException | RuntimeException e) {
      broken = true;
      throw e;
    }
  }

  private ReadStatus readFrames(ByteBuffer buffer) throws IOException {
    while (true) {
      if (decoder.inFrame()) {
        offset += decoder.copyFrame(in, buffer);
        if (!buffer.hasRemaining()) {
          return ReadStatus.DATA;
        }
        if (decoder.inFrame() && !fill()) {
          return idleOrData(buffer);
        }
        continue;
      }
      TailDecoder.Record record = decoder.next(in);
      if (record == null) {
        if (!fill()) {
          return idleOrData(buffer);
        }
        continue;
      }
      ReadStatus status = onRecord(record);
      if (status != null) {
        return buffer.position() > 0 ? ReadStatus.DATA : status;
      }
    }
  }

  /** Handles a control record; returns a status to report, or null to go on reading. */
  private ReadStatus onRecord(TailDecoder.Record record) throws IOException {
    if (record instanceof TailDecoder.Frame f) {
      remoteSize = f.size();
    } else if (record instanceof TailDecoder.Heartbeat h) {
      remoteSize = h.size();
    } else if (record instanceof TailDecoder.Truncated t) {
      remoteSize = t.size();
      return finishFromCopy();
    } else if (record instanceof TailDecoder.Rotated r) {
      switchLater(ReadStatus.ROTATED, identity.successor(FileIdentity.parse(r.fileId())));
      remoteSize = r.size();
      return pending;
    } else if (record instanceof TailDecoder.Ended) {
      pending = ReadStatus.ENDED;
      return pending;
    } else if (record instanceof TailDecoder.Failed x) {
      throw new IOException(where() + ": " + x.message());
    } else {
      throw new IOException(where() + ": unexpected record from the remote tail: " + record);
    }
    return null;
  }

  /**
   * The file was truncated in place. When it was copied first (logrotate's copytruncate), the
   * bytes not read yet are in the copy: the program is started again at this offset with this
   * file's fingerprint, finds the copy among the rotations and finishes it (then announces the
   * truncated file as the next one). Returns null to go on reading, else the switch to report.
   */
  private ReadStatus finishFromCopy() throws IOException {
    if (offset == 0 || fingerprint.current() == null) {
      switchLater(ReadStatus.TRUNCATED, identity.nextGeneration());
      return pending;
    }
    TailDecoder.Followed f = start(identity, offset);
    switch (f.why()) {
      case RESUME -> {
        return null;
      }
      case GONE -> { // a file of a set, removed as well: the program ends it
        losses.add(new LostFile(hostLabel + ":" + path, identity.toString(), offset));
        return null;
      }
      case TRUNCATED -> switchLater(ReadStatus.TRUNCATED, identity.nextGeneration());
      case NEW, ROTATED -> switchLater(ReadStatus.ROTATED,
          identity.successor(FileIdentity.parse(f.fileId())));
    }
    return pending;
  }

  private ReadStatus idleOrData(ByteBuffer buffer) throws IOException {
    if (buffer.position() > 0) {
      return ReadStatus.DATA;
    }
    if (running.buffered() == 0
        && System.currentTimeMillis() - running.lastReceivedAt() > STALL_MILLIS) {
      throw new IOException(where() + ": no output from the remote tail for "
          + STALL_MILLIS / 1000 + " s (the host or its connection hangs)");
    }
    return ReadStatus.IDLE;
  }

  /** Moves what the drain has into the input buffer; false when nothing came. */
  private boolean fill() throws IOException {
    in.compact();
    int n;
    try {
      n = running.read(in.array(), in.position(), in.remaining());
    } catch (IOException e) {
      in.flip();
      throw new IOException(where() + ": connection lost: " + e.getMessage(), e);
    }
    if (n > 0) {
      in.position(in.position() + n);
    }
    in.flip();
    if (n < 0) {
      throw new IOException(where() + ": the remote tail ended" + running.ending());
    }
    return n > 0;
  }

  private String where() {
    RemoteShell s = connection.current();
    return (s == null ? hostLabel : s.label()) + ":" + path;
  }

  private boolean streamIsHealthy() {
    RemoteShell s = connection.current();
    RunningCommand r = running;
    return s != null && s.isOpen() && r != null && r.isAlive() && decoder != null;
  }

  /** (Re)starts the remote program and waits for the file it follows. */
  private TailDecoder.Followed start(FileIdentity from, long at) throws IOException {
    stopProcess();
    String fileId = from == null ? null : from.device() + "-" + from.inode();
    ExecProcess p = connection.run(where(), TailScript.command("livelog-tail", sourceId),
        TailScript.program(path, fileId, at, from == null ? null : fingerprint.current(),
            fromStart, endWhenGone, poll));
    running = new RunningCommand(p, "livelog-ssh-" + sourceId);
    decoder = new TailDecoder();
    in.clear().flip();
    return awaitFollowed();
  }

  private TailDecoder.Followed awaitFollowed() throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline && !connection.isClosed()) {
      TailDecoder.Record record = decoder.next(in);
      if (record instanceof TailDecoder.Followed f) {
        remoteSize = f.size();
        return f;
      }
      if (record instanceof TailDecoder.Failed x) {
        throw new IOException(where() + ": " + x.message());
      }
      if (record != null) {
        throw new IOException(where() + ": unexpected first record from the remote tail: " + record);
      }
      if (!fill()) {
        sleep(5);
      }
    }
    throw new IOException(where() + ": the remote tail did not start within "
        + START_TIMEOUT_MILLIS / 1000 + " s");
  }

  @Override
  public Checkpoint follow() {
    if (pending == null) {
      throw new IllegalStateException("nothing to follow: no rotation or truncation was reported");
    }
    identity = pendingIdentity;
    offset = 0;
    pending = null;
    fingerprint = new Fingerprint.Builder();
    return new Checkpoint(null, identity.toString(), 0, System.currentTimeMillis());
  }

  @Override
  public String fileId() {
    return identity.toString();
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public long bytesBehind() {
    return remoteSize < 0 || pending != null ? -1 : Math.max(0, remoteSize - offset);
  }

  @Override
  public String host() {
    return hostLabel;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public List<LostFile> takeLosses() {
    List<LostFile> taken = List.copyOf(losses);
    losses.clear();
    return taken;
  }

  /** Ends the remote program and the connection; safe to call from another thread, to abort. */
  @Override
  public void close() {
    connection.close();
    stopProcess();
  }

  private void stopProcess() {
    RunningCommand r = running;
    if (r != null) {
      r.close();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
