package dev.livelog.source.file;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.LineSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Follows a local file like {@code tail -F}: waits for it to exist, reads what is appended,
 * and notices when the path names a new file (rotation by rename and create: the old file is
 * finished first, since it stays open) or the file shrank (copytruncate).
 *
 * <p>A file's identity is its device and inode, plus a generation that counts truncations,
 * so offsets (and the event ids built from them) never repeat within one identity.
 */
public final class FileTailSource implements LineSource {
  private final Path path;
  private final boolean fromStart;
  private FileChannel channel;
  private FileIdentity identity;
  private long offset;

  public FileTailSource(Path path, boolean fromStart) {
    this.path = path;
    this.fromStart = fromStart;
  }

  @Override
  public Checkpoint open(Checkpoint checkpoint) throws IOException {
    FileIdentity current = FileIdentity.of(path);
    channel = FileChannel.open(path, StandardOpenOption.READ);
    long size = channel.size();
    if (checkpoint != null && current.sameFile(checkpoint.fileId())) {
      FileIdentity stored = FileIdentity.parse(checkpoint.fileId());
      if (size >= checkpoint.offset()) {
        identity = stored;
        offset = checkpoint.offset();
      } else {
        identity = stored.nextGeneration();
        offset = 0;
      }
    } else {
      identity = current;
      // With a checkpoint of another file, the file was rotated while livelog was down: all of
      // the new file is unread. Without one, 'from' decides.
      offset = checkpoint != null || fromStart ? 0 : size;
    }
    return new Checkpoint(null, identity.toString(), offset, System.currentTimeMillis());
  }

  @Override
  public ReadStatus read(ByteBuffer buffer) throws IOException {
    int n = channel.read(buffer, offset);
    if (n > 0) {
      offset += n;
      return ReadStatus.DATA;
    }
    try {
      FileIdentity named = FileIdentity.of(path);
      if (!named.sameFile(identity.toString())) {
        return ReadStatus.ROTATED;
      }
      if (Files.size(path) < offset) {
        return ReadStatus.TRUNCATED;
      }
    } catch (NoSuchFileException gone) {
      // Moved away and not yet re-created: keep reading the old file until a new one appears.
    }
    return ReadStatus.IDLE;
  }

  @Override
  public Checkpoint follow() throws IOException {
    FileIdentity named = FileIdentity.of(path);
    if (named.sameFile(identity.toString())) {
      identity = identity.nextGeneration();
    } else {
      channel.close();
      channel = FileChannel.open(path, StandardOpenOption.READ);
      identity = named;
    }
    offset = 0;
    return new Checkpoint(null, identity.toString(), 0, System.currentTimeMillis());
  }

  @Override
  public void seek(long newOffset) {
    offset = newOffset;
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
    try {
      return Math.max(0, channel.size() - offset);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public String path() {
    return path.toString();
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // Closing a read-only file cannot lose anything.
    }
  }
}
