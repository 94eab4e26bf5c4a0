package dev.livelog.source;

import java.nio.charset.Charset;

/**
 * Cuts a byte stream into lines, remembering each line's byte offset in the file, and decodes
 * them with the source's encoding (invalid bytes become U+FFFD, never an error). A line that
 * has not ended yet is kept until its newline arrives. A line longer than the limit is cut:
 * its first {@code maxLineBytes} bytes are kept, the rest skipped up to the newline, so one
 * runaway line cannot exhaust memory.
 */
public final class LineSplitter implements LineFramer {
  private final Charset charset;
  private final int maxLineBytes;
  private byte[] partial = new byte[256];
  private int partialLength;
  private long partialStart = -1;
  private boolean partialCut;
  private long cutLines;

  public LineSplitter(Charset charset, int maxLineBytes) {
    this.charset = charset;
    this.maxLineBytes = maxLineBytes;
  }

  /** Receives each complete line. */
  public interface LineSink {
    void line(String text, long offset, long nextOffset);

    /** A line, saying whether it was cut to the limit; sinks that keep the flag override this. */
    default void line(String text, long offset, long nextOffset, boolean cut) {
      line(text, offset, nextOffset);
    }

    /**
     * A line with the time its source gives it (a journal entry's timestamp, epoch
     * milliseconds), for events whose format has no time of its own; sinks that keep it
     * override this.
     */
    default void line(String text, long offset, long nextOffset, boolean cut, long time) {
      line(text, offset, nextOffset, cut);
    }
  }

  /** Feeds bytes read at {@code offset} of the file; complete lines go to the sink. */
  @Override
  public void feed(byte[] bytes, int length, long offset, LineSink sink) {
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (partialStart >= 0) {
        append(bytes, lineStart, i - lineStart);
        emitPartial(offset + i + 1, sink);
      } else {
        int end = Math.min(i, lineStart + maxLineBytes);
        boolean cut = i - lineStart > maxLineBytes;
        if (cut) {
          cutLines++;
        }
        sink.line(decode(bytes, lineStart, end), offset + lineStart, offset + i + 1, cut);
      }
      lineStart = i + 1;
    }
    if (lineStart < length) {
      if (partialStart < 0) {
        partialStart = offset + lineStart;
      }
      append(bytes, lineStart, length - lineStart);
    }
  }

  /** Emits the unfinished line, e.g. the last line of a rotated file that had no newline. */
  @Override
  public void flushPartial(long endOffset, LineSink sink) {
    if (partialStart >= 0) {
      emitPartial(endOffset, sink);
    }
  }

  /** Forgets the unfinished line (the source is going back to an earlier offset). */
  @Override
  public void reset() {
    partialLength = 0;
    partialStart = -1;
    partialCut = false;
  }

  /** How many lines were longer than the limit and cut. */
  @Override
  public long cutLines() {
    return cutLines;
  }

  private void emitPartial(long nextOffset, LineSink sink) {
    int len = partialLength;
    if (len > 0 && partial[len - 1] == '\r') {
      len--;
    }
    boolean cut = partialCut;
    if (cut) {
      cutLines++;
    }
    sink.line(new String(partial, 0, len, charset), partialStart, nextOffset, cut);
    reset();
  }

  private void append(byte[] bytes, int from, int count) {
    int room = maxLineBytes - partialLength;
    if (count > room) {
      partialCut = true;
      count = Math.max(room, 0);
    }
    if (partialLength + count > partial.length) {
      byte[] bigger = new byte[Math.min(maxLineBytes, Math.max(partial.length * 2, partialLength + count))];
      System.arraycopy(partial, 0, bigger, 0, partialLength);
      partial = bigger;
    }
    System.arraycopy(bytes, from, partial, partialLength, count);
    partialLength += count;
  }

  private String decode(byte[] bytes, int from, int to) {
    int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
    return new String(bytes, from, end - from, charset);
  }
}
