package dev.livelog.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which file a path names: device and inode (they survive renames, so a rotated file is
 * recognised), plus a generation that counts truncations of that same file. Written as
 * {@code dev-ino} or {@code dev-ino.gN}.
 */
public record FileIdentity(long device, long inode, int generation) {

  public static FileIdentity of(Path path) throws IOException {
    Object dev = Files.getAttribute(path, "unix:dev");
    Object ino = Files.getAttribute(path, "unix:ino");
    return new FileIdentity(((Number) dev).longValue(), ((Number) ino).longValue(), 0);
  }

  public static FileIdentity parse(String text) {
    String[] parts = text.split("[-.]g?");
    if (parts.length < 2) {
      throw new IllegalArgumentException("not a file identity: " + text);
    }
    int gen = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    return new FileIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1]), gen);
  }

  /** A checkpoint's identity, or null when it names no file (e.g. a command's run). */
  public static FileIdentity parseOrNull(String text) {
    try {
      return parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether a stored identity names this same file (any generation). */
  public boolean sameFile(String stored) {
    try {
      FileIdentity other = parse(stored);
      return other.device == device && other.inode == inode;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The identity of the file read after this one, named {@code dev-ino}: that file's, or this
   * one's next generation when it has the same inode (truncated, or this file's inode reused by
   * the next one once this one was deleted), so event ids never repeat.
   */
  public FileIdentity successor(FileIdentity named) {
    return sameFile(named.toString()) ? nextGeneration() : named;
  }

  public FileIdentity nextGeneration() {
    return new FileIdentity(device, inode, generation + 1);
  }

  @Override
  public String toString() {
    return device + "-" + inode + (generation > 0 ? ".g" + generation : "");
  }
}
