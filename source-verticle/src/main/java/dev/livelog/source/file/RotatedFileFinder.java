package dev.livelog.source.file;

import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.RotationNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a checkpoint's file is now: still at the path, or among the path's rotations in
 * its directory (logrotate's {@code access.log.1}, {@code access.log.2.gz}, dated names such as
 * {@code access.log-20261207}, with or without {@code .gz}). A file is the checkpoint's when it
 * has the checkpoint's inode or, failing that, its fingerprint (a copy, a compressed rotation);
 * with a fingerprint an inode alone is not enough (inodes are reused). A path that is a link is
 * looked for beside its target.
 */
final class RotatedFileFinder {
  private final Path path;

  RotatedFileFinder(Path path) {
    this.path = target(path.toAbsolutePath());
  }

  /**
   * A link's target, whose rotations are beside it (kubelet's /var/log/containers/*.log link
   * to /var/log/pods/.../0.log, rotated there as 0.log.20261207-101500); a path that is no
   * link, or a link to nothing any more, as it is.
   */
  private static Path target(Path path) {
    try {
      return Files.isSymbolicLink(path) ? path.toRealPath() : path;
    } catch (IOException gone) {
      return path;
    }
  }

  /** Where the checkpoint's file is, its identity and whether it is the file at the path. */
  record Found(Path file, FileIdentity physical, boolean atPath) {}

  /**
   * The file holding the content the checkpoint names, when it is still there: the path's file
   * first, then its rotations, by inode before by fingerprint. A file with the inode but
   * shorter than the offset was truncated: its content is not the checkpoint's any more.
   */
  Optional<Found> find(FileIdentity stored, Fingerprint fingerprint, long offset)
      throws IOException {
    List<Path> files = directory();
    for (Path file : files) {
      FileIdentity id = identityOf(file);
      if (id != null && stored.sameFile(id.toString()) && !FileBytes.isCompressed(file)
          && sizeOf(file) >= offset && (fingerprint == null || holds(file, fingerprint))) {
        return Optional.of(new Found(file, id, file.equals(path)));
      }
    }
    if (fingerprint != null) {
      for (Path file : files) {
        if ((file.equals(path) || isRotation(file)) && holds(file, fingerprint)) {
          return Optional.of(new Found(file, identityOf(file), file.equals(path)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The copy of a file truncated in place (logrotate's copytruncate): a rotation of the path
   * starting with the file's {@code fingerprint}. An uncompressed copy comes first: while
   * {@code gzip} compresses a copy, its {@code .gz} is still incomplete.
   */
  Optional<Path> copyOf(Fingerprint fingerprint) throws IOException {
    return rotations().stream()
        .sorted(Comparator.comparing(FileBytes::isCompressed))
        .filter(file -> holds(file, fingerprint))
        .findFirst();
  }

  /**
   * The rotations written after {@code finished} (rotated again while livelog was stopped, or
   * before it finished that file), oldest first: they are read, from their start, before the
   * path's file. Times are compared
   * at the clock's grain, so a file as old is taken too, unless it starts like
   * {@code finished} (its compressed copy: {@code gzip} keeps the time).
   */
  List<Path> rotatedAfter(Path finished) throws IOException {
    FileTime after = Files.getLastModifiedTime(finished);
    Fingerprint same;
    try (InputStream content = FileBytes.content(finished)) {
      byte[] first = content.readNBytes(Fingerprint.MAX_BYTES);
      same = first.length == 0 ? null : Fingerprint.of(first, first.length);
    }
    record Timed(Path file, FileTime time) {}
    List<Timed> later = new ArrayList<>();
    for (Path file : rotations()) {
      FileTime time = timeOf(file);
      if (time != null && time.compareTo(after) >= 0 && !file.equals(finished)
          && (same == null || !holds(file, same))) {
        later.add(new Timed(file, time));
      }
    }
    later.sort(Comparator.comparing(Timed::time));
    return later.stream().map(Timed::file).toList();
  }

  /** The path's rotations: {@code name.1}, {@code name.2.gz}, {@code name-20261207}, ... */
  private List<Path> rotations() throws IOException {
    return directory().stream().filter(this::isRotation).toList();
  }

  private boolean isRotation(Path file) {
    return RotationNames.isRotationOf(file.getFileName().toString(),
        path.getFileName().toString());
  }

  /** The regular files of the path's directory, the path's own file first. */
  private List<Path> directory() throws IOException {
    List<Path> found = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      found.add(path);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path.toAbsolutePath().getParent())) {
      for (Path file : files) {
        if (!file.getFileName().equals(path.getFileName()) && Files.isRegularFile(file)) {
          found.add(file);
        }
      }
    } catch (NoSuchFileException gone) {
      return found;
    }
    return found;
  }

  private static boolean holds(Path file, Fingerprint fingerprint) {
    try (InputStream content = FileBytes.content(file)) {
      return fingerprint.matches(content);
    } catch (IOException e) {
      return false; // unreadable, not gzip after all, gone meanwhile: not the checkpoint's file
    }
  }

  private static FileIdentity identityOf(Path file) {
    try {
      return FileIdentity.of(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static FileTime timeOf(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null; // gone meanwhile
    }
  }
}
