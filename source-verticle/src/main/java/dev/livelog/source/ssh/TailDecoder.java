package dev.livelog.source.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the framed output of {@link TailScript}: control records, one per line, and data
 * frames of an exact length. Works on whatever bytes have arrived; a record cut in two waits
 * for the rest. Anything before the hello line (a login banner) is skipped, within limits.
 */
final class TailDecoder {
  private static final int MAX_PREAMBLE = 64 * 1024;

  /** What the remote program said. */
  sealed interface Record permits Followed, Frame, Truncated, Rotated, Heartbeat, Ended, Failed {}

  /** Following file {@code fileId} from {@code position}, for the reason {@code why}. */
  record Followed(String fileId, long position, Why why, long size) implements Record {}

  /** Why the program follows the file it names, as its {@code F} record says. */
  enum Why {
    /** No checkpoint applied: the file at the path, from the position asked for. */
    NEW,
    /** The checkpoint's file, at least as long as the checkpoint's offset. */
    RESUME,
    /** The checkpoint's file, shorter than the checkpoint's offset: read again from 0. */
    TRUNCATED,
    /** Another file is at the path (the checkpoint's is gone): read from 0. */
    ROTATED,
    /** A file of a set: nothing is at the path and the checkpoint's file is gone; E follows. */
    GONE;

    static Why parse(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** {@code length} bytes of the file follow. */
  record Frame(int length, long size) implements Record {}

  record Truncated(long size) implements Record {}

  record Rotated(String fileId, long size) implements Record {}

  record Heartbeat(long size) implements Record {}

  /** A file of a set is gone from its path and was read to its end. */
  record Ended() implements Record {}

  record Failed(String message) implements Record {}

  private boolean greeted;
  private int skipped;
  private int frameLeft;

  /** Whether data bytes of a frame are due before the next record. */
  boolean inFrame() {
    return frameLeft > 0;
  }

  /** Copies data bytes of the current frame from {@code in} to {@code out}. */
  int copyFrame(ByteBuffer in, ByteBuffer out) {
    int n = Math.min(frameLeft, Math.min(in.remaining(), out.remaining()));
    out.put(out.position(), in, in.position(), n);
    out.position(out.position() + n);
    in.position(in.position() + n);
    frameLeft -= n;
    return n;
  }

  /**
   * The next record, or null when {@code in} holds no complete line yet.
   *
   * @throws IOException when the output is not the tail program's
   */
  Record next(ByteBuffer in) throws IOException {
    while (true) {
      String line = takeLine(in);
      if (line == null) {
        return null;
      }
      if (!greeted) {
        greeted = line.equals(TailScript.HELLO);
        skipped += line.length() + 1;
        if (skipped > MAX_PREAMBLE) {
          throw new IOException("the remote command did not start the tail program (is /bin/sh"
              + " with GNU coreutils there?); it printed: " + clip(line));
        }
        continue;
      }
      Record record = parse(line);
      if (record instanceof Frame f) {
        frameLeft = f.length();
      }
      return record;
    }
  }

  private String takeLine(ByteBuffer in) throws IOException {
    int start = in.position();
    for (int i = start; i < in.limit(); i++) {
      if (in.get(i) == '\n') {
        String line = new String(in.array(), in.arrayOffset() + start, i - start,
            StandardCharsets.UTF_8);
        in.position(i + 1);
        return line;
      }
    }
    if (in.remaining() == in.capacity()) {
      if (greeted) {
        throw new IOException("the remote tail program wrote a record longer than "
            + in.capacity() + " bytes");
      }
      skipped += in.remaining();
      in.position(in.limit()); // a banner line longer than the buffer: drop it
    }
    return null;
  }

  private static Record parse(String line) throws IOException {
    String[] f = line.split(" ", 5);
    try {
      return switch (f[0]) {
        case "D" -> new Frame(Integer.parseInt(f[1]), Long.parseLong(f[2]));
        case "K" -> new Heartbeat(Long.parseLong(f[1]));
        case "E" -> new Ended();
        case "T" -> new Truncated(Long.parseLong(f[1]));
        case "R" -> new Rotated(f[1], Long.parseLong(f[2]));
        case "F" -> new Followed(f[1], Long.parseLong(f[2]), Why.parse(f[3]), Long.parseLong(f[4]));
        case "X" -> new Failed(line.length() > 2 ? line.substring(2) : "failed");
        default -> throw new IOException("unexpected output from the remote tail program: "
            + clip(line));
      };
    } catch (RuntimeException e) {
      throw new IOException("malformed record from the remote tail program: " + clip(line));
    }
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
