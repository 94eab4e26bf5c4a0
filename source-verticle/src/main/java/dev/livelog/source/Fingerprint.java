package dev.livelog.source;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which content a file holds: the SHA-256 of its first {@code length} bytes (at most
 * {@link #MAX_BYTES}), written {@code length:hex} with the hash's first 16 hex digits, as
 * {@code head -c length | sha256sum | cut -c1-16} prints it on a host. A log's first lines
 * carry times, so the first kilobyte tells its rotations apart; kept in the checkpoint, it finds
 * a file again when its inode no longer does (copied, compressed) and refuses a reused inode.
 * Vector's file source identifies files the same way (a checksum of the first bytes or lines).
 */
public record Fingerprint(int length, String hash) {
  /** How many first bytes a fingerprint covers, when the file has them. */
  public static final int MAX_BYTES = 1024;

  /** The fingerprint a checkpoint holds, or null when it has none (or an unreadable one). */
  public static Fingerprint parse(String text) {
    if (text == null) {
      return null;
    }
    int colon = text.indexOf(':');
    try {
      int length = Integer.parseInt(text.substring(0, Math.max(colon, 0)));
      String hash = text.substring(colon + 1);
      return length > 0 && length <= MAX_BYTES && hash.matches("[0-9a-f]{16}")
          ? new Fingerprint(length, hash) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The fingerprint of {@code n} first bytes. */
  public static Fingerprint of(byte[] first, int n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(first, 0, n);
      return new Fingerprint(n, HexFormat.of().formatHex(sha.digest(), 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether the stream starts with the bytes this fingerprint was taken of. */
  public boolean matches(InputStream content) throws IOException {
    byte[] first = content.readNBytes(length);
    return first.length == length && of(first, length).equals(this);
  }

  @Override
  public String toString() {
    return length + ":" + hash;
  }

  /**
   * Takes a file's fingerprint from the bytes read at offsets below {@link #MAX_BYTES}, as
   * they are read; a file resumed past what its stored fingerprint covers keeps that one.
   */
  public static final class Builder {
    private final Fingerprint stored;
    private final byte[] first = new byte[MAX_BYTES];
    private int filled;
    private String current;

    /** For a file read from its start. */
    public Builder() {
      this(null);
    }

    /** For a file resumed from a checkpoint that holds this fingerprint (or null). */
    public Builder(Fingerprint stored) {
      this.stored = stored;
    }

    /**
     * For a file read from {@code offset} on, without a checkpoint: the bytes before it are
     * read from {@code content} (the file from its start) now.
     */
    public static Builder ofStart(InputStream content, long offset) throws IOException {
      Builder builder = new Builder();
      try (content) {
        byte[] start = content.readNBytes((int) Math.min(offset, MAX_BYTES));
        builder.read(start, 0, start.length, 0);
      }
      return builder;
    }

    /** Bytes read at {@code offset}; only those that extend the covered start count. */
    public void read(byte[] bytes, int length, long offset) {
      read(bytes, 0, length, offset);
    }

    /** {@code length} bytes of {@code bytes} from index {@code from}, read at {@code offset}. */
    public void read(byte[] bytes, int from, int length, long offset) {
      if (stored != null || offset > filled || filled == MAX_BYTES) {
        return;
      }
      int skip = (int) (filled - offset);
      int n = Math.min(length - skip, MAX_BYTES - filled);
      if (n > 0) {
        System.arraycopy(bytes, from + skip, first, filled, n);
        filled += n;
        current = null;
      }
    }

    /** The fingerprint so far, as text for a checkpoint; null before any byte. */
    public String current() {
      if (stored != null) {
        return stored.toString();
      }
      if (current == null && filled > 0) {
        current = of(first, filled).toString();
      }
      return current;
    }
  }
}
