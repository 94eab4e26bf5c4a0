package dev.livelog.source.file;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.LineSource;
import dev.livelog.source.LostFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a local file like {@code tail -F}: waits for it to exist, reads what is appended,
 * and notices when the path names a new file (rotation by rename and create) or the file was
 * truncated in place (copytruncate).
 *
 * <p>A rotated file stays open and is finished first; it must be quiet for one poll after the
 * rename was seen, since a server writes into it until it reopens its log. When the file was
 * rotated more than once before it was finished (livelog waited for the store, or was
 * stopped), the rotations written after it are read next, oldest first, then the path's file.
 * A truncation is seen by the size falling under the offset or, after a pause, by the file no
 * longer starting with the bytes read (it may have grown past the offset again); what was not
 * read yet is finished from the copy (found by that fingerprint among the path's rotations),
 * then the file is read again from its start.
 *
 * <p>A file's identity is its device and inode, plus a generation that counts truncations of
 * that same file, so offsets (and the event ids built from them) never repeat within one
 * identity. On start, when the checkpoint's file is no longer at the path, it is looked for
 * among the path's rotations ({@link RotatedFileFinder}: by inode, or by fingerprint, also
 * inside {@code .gz}) and finished from the checkpoint's offset under the checkpoint's
 * identity. A checkpoint's file found nowhere is reported as lost ({@link #takeLosses}).
 */
public final class FileTailSource implements LineSource {
  private static final Logger LOG = LoggerFactory.getLogger(FileTailSource.class);
  /** How long a file of a set may be missing from its path (mid-rotation) before it ends. */
  private static final long GONE_MILLIS = 3_000;
  private static final long PAUSE_NANOS = 50_000_000;
  private final Path path;
  private final boolean fromStart;
  /** A file of a set: ends once its path is gone and it was read to its end. */
  private final boolean endWhenGone;
  private boolean ended;
  private long goneSince;
  private final RotatedFileFinder finder;
  private final List<LostFile> losses = new ArrayList<>();
  private FileBytes bytes;
  /** The fingerprint of the content read (the first bytes of the current identity). */
  private Fingerprint.Builder fingerprint = new Fingerprint.Builder();
  /** Polls that found the path naming another file and nothing new in this one. */
  private int quietSinceMoved;
  /** When the last read was: a read after a pause first checks the file was not rewritten. */
  private long lastReadNanos;
  /** The identity of the bytes read, in event ids. */
  private FileIdentity identity;
  /** The inode of the path's file being read, or null while reading a rotation or a copy. */
  private FileIdentity atPath;
  private long offset;

  public FileTailSource(Path path, boolean fromStart) {
    this(path, fromStart, false);
  }

  /** @param endWhenGone a file of a set: the stream ENDs once the path is gone and read */
  public FileTailSource(Path path, boolean fromStart, boolean endWhenGone) {
    this.path = path;
    this.fromStart = fromStart;
    this.endWhenGone = endWhenGone;
    this.finder = new RotatedFileFinder(path);
  }

  @Override
  public Checkpoint open(Checkpoint checkpoint) throws IOException {
    FileIdentity stored = checkpoint == null ? null : FileIdentity.parseOrNull(checkpoint.fileId());
    if (stored == null) {
      if (endWhenGone && !Files.exists(path)) {
        return endAt(new FileIdentity(0, 0, 0), 0);
      }
      openPath(FileIdentity.of(path));
      offset = fromStart ? 0 : bytes.size();
      fingerprint = Fingerprint.Builder.ofStart(FileBytes.content(path), offset);
      return start(fingerprint.current());
    }
    Fingerprint known = Fingerprint.parse(checkpoint.fingerprint());
    Optional<RotatedFileFinder.Found> found = finder.find(stored, known, checkpoint.offset());
    if (found.isEmpty()) {
      losses.add(new LostFile(path.toString(), stored.toString(), checkpoint.offset()));
      if (endWhenGone && !Files.exists(path)) {
        return endAt(stored, checkpoint.offset());
      }
      Checkpoint start = startOnPath(stored);
      return start;
    }
    RotatedFileFinder.Found file = found.get();
    if (file.atPath()) {
      openPath(file.physical());
    } else {
      bytes = FileBytes.open(file.file());
      List<Path> later = finder.rotatedAfter(file.file());
      LOG.info("{} was rotated while livelog was away: finishing {} from offset {}, then {}",
          path, file.file(), checkpoint.offset(), later.isEmpty() ? "the path's file"
              : later + " and the path's file");
    }
    identity = stored;
    offset = checkpoint.offset();
    fingerprint = new Fingerprint.Builder(known);
    return start(checkpoint.fingerprint());
  }

  /** The path's file from 0, as the next generation if it is the checkpoint's file rewritten. */
  private Checkpoint startOnPath(FileIdentity stored) throws IOException {
    FileIdentity named = FileIdentity.of(path);
    openPath(named);
    identity = stored.successor(named);
    offset = 0;
    fingerprint = new Fingerprint.Builder();
    return start(null);
  }

  /** Nothing more to read: the file of a set is gone. */
  private Checkpoint endAt(FileIdentity last, long at) {
    ended = true;
    identity = last;
    offset = at;
    return start(null);
  }

  private void openPath(FileIdentity named) throws IOException {
    close();
    bytes = FileBytes.open(path);
    atPath = named;
    identity = named;
  }

  private Checkpoint start(String fingerprint) {
    return new Checkpoint(null, identity.toString(), offset, System.currentTimeMillis(),
        offset > 0 ? fingerprint : null);
  }

  @Override
  public ReadStatus read(ByteBuffer buffer) throws IOException {
    long readAt = System.nanoTime();
    boolean afterPause = readAt - lastReadNanos > PAUSE_NANOS;
    lastReadNanos = readAt;
    if (afterPause && atPath != null && !holdsWhatWasRead()) {
      return truncated(buffer); // truncated and written past our offset while we did not look
    }
    int from = buffer.position();
    int n = bytes == null ? -1 : bytes.read(buffer, offset);
    if (n > 0) {
      fingerprint.read(buffer.array(), buffer.arrayOffset() + from, n, offset);
      offset += n;
      quietSinceMoved = 0;
      return ReadStatus.DATA;
    }
    if (ended) {
      return ReadStatus.ENDED;
    }
    if (atPath == null) {
      if (endWhenGone && !Files.exists(path) && nextRotation().isEmpty()) {
        return ReadStatus.ENDED; // a file of a set, finished where it was rotated to: released
      }
      return ReadStatus.ROTATED; // a rotation or a copy is complete: on to the next file
    }
    try {
      FileIdentity named = FileIdentity.of(path);
      if (!named.sameFile(atPath.toString())) {
        return ++quietSinceMoved >= 2 ? ReadStatus.ROTATED : ReadStatus.IDLE;
      }
      if (Files.size(path) < offset) {
        return truncated(buffer);
      }
      goneSince = 0;
    } catch (NoSuchFileException gone) {
      // Moved away and not yet re-created: keep reading the old file until a new one appears;
      // a file of a set whose path stays empty was removed, and ends.
      long now = System.currentTimeMillis();
      goneSince = goneSince == 0 ? now : goneSince;
      if (endWhenGone && now - goneSince >= GONE_MILLIS) {
        return ReadStatus.ENDED;
      }
    }
    return ReadStatus.IDLE;
  }

  /**
   * Whether the file still starts with the bytes read from it. A size smaller than the offset
   * shows a truncation only while nothing was written since: a source that waited (for the
   * store, or between polls) would otherwise read the new content from the old offset.
   */
  private boolean holdsWhatWasRead() throws IOException {
    Fingerprint content = Fingerprint.parse(fingerprint.current());
    return content == null || bytes.startsWith(content);
  }

  private ReadStatus truncated(ByteBuffer buffer) throws IOException {
    return finishFromCopy() ? read(buffer) : ReadStatus.TRUNCATED;
  }

  /**
   * The file was truncated in place: when it was copied first (logrotate's copytruncate), the
   * bytes not read yet are in the copy, at the same offsets. Reads go on there, under the same
   * identity, and the truncated file follows once the copy is finished.
   */
  private boolean finishFromCopy() throws IOException {
    Fingerprint content = Fingerprint.parse(fingerprint.current());
    Optional<Path> copy = content == null ? Optional.empty() : finder.copyOf(content);
    if (copy.isEmpty()) {
      return false;
    }
    LOG.info("{} was truncated: finishing its copy {} from offset {}", path, copy.get(), offset);
    close();
    bytes = FileBytes.open(copy.get());
    atPath = null;
    return true;
  }

  @Override
  public Checkpoint follow() throws IOException {
    FileIdentity previous = identity;
    FileIdentity next;
    boolean inPlace = atPath != null && FileIdentity.of(path).sameFile(atPath.toString());
    Optional<Path> rotation = inPlace ? Optional.empty() : nextRotation();
    if (rotation.isPresent()) {
      LOG.info("{} was rotated more than once before {} was finished: reading {} next", path,
          previous, rotation.get());
      close();
      bytes = FileBytes.open(rotation.get());
      atPath = null;
      next = FileIdentity.of(rotation.get());
    } else if (inPlace) {
      next = previous; // truncated in place
    } else {
      next = FileIdentity.of(path);
      openPath(next);
    }
    identity = previous.successor(next);
    offset = 0;
    fingerprint = new Fingerprint.Builder();
    quietSinceMoved = 0;
    return new Checkpoint(null, identity.toString(), 0, System.currentTimeMillis());
  }

  /**
   * The rotation written next after the file just finished, if that was not the path's file:
   * the file was rotated again (or more) before this one was finished (while livelog waited for
   * the store, or was stopped), and those rotations come before the path's file, oldest first.
   */
  private Optional<Path> nextRotation() throws IOException {
    Optional<RotatedFileFinder.Found> finished =
        finder.find(identity, Fingerprint.parse(fingerprint.current()), 0);
    if (finished.isEmpty() || finished.get().atPath()) {
      return Optional.empty();
    }
    return finder.rotatedAfter(finished.get().file()).stream().findFirst();
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
      long size = bytes.size();
      return size < 0 ? -1 : Math.max(0, size - offset);
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
  public List<LostFile> takeLosses() {
    List<LostFile> taken = List.copyOf(losses);
    losses.clear();
    return taken;
  }

  @Override
  public void close() {
    try {
      if (bytes != null) {
        bytes.close();
      }
    } catch (IOException ignored) {
      // Closing a read-only file cannot lose anything.
    }
  }
}
