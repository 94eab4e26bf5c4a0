package dev.livelog.source;

import dev.livelog.common.container.ContainerEnvelope;
import dev.livelog.common.container.ContainerEnvelope.Part;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A container log's lines, with the parts of a line the runtime split (at 16 KiB: CRI's
 * {@code P} lines, Docker's objects without a final newline) joined into one line in the same
 * envelope before batching, so a parser sees whole lines. A joined line is at the offset of its
 * first part: that is its event id, the same whenever it is read again.
 *
 * <p><b>Exactly once.</b> A line is only emitted once its last part is read, and a batch ends
 * where a restart resumes, so no checkpoint falls between the parts of a line: a restart
 * between a part and the rest reads the line again from its first part. The runtime writes
 * stdout and stderr into one file, so another stream's lines may come between the parts of a
 * line; those wait until it is whole, and all of them are emitted in the order they started,
 * each with a next position past everything emitted so far, so that they go into one batch
 * ({@link BatchBuilder}) and a restart never resumes between them.
 *
 * <p><b>Bounded.</b> A joined line longer than {@code max_line_length} is cut there (flagged,
 * the rest skipped to its last part). When other lines waiting behind an unfinished part
 * exceed {@link #MAX_WAITING} lines or four lines' length, the unfinished part is given up on
 * and emitted as it is (its later parts then come as a line of their own), as it is when the
 * file ends (rotation) with a part unfinished.
 *
 * <p><b>One stream.</b> With a stream chosen ({@code stream: stdout}), lines of the other one
 * are skipped here, counted ({@link #skippedLines}), never batched: ingress-nginx writes its
 * access log to stdout and its error log and the controller's own log to stderr.
 */
public final class ContainerLines implements LineFramer {
  static final int MAX_WAITING = 1000;

  private final ContainerEnvelope envelope;
  private final LineFramer physical;
  private final int maxChars;
  /** The stream whose lines are wanted, or null for both. */
  private final String stream;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final Map<String, Waiting> unfinished = new HashMap<>(4);
  private final LineSplitter.LineSink parts = new LineSplitter.LineSink() {
    @Override
    public void line(String text, long offset, long next) {
      line(text, offset, next, false);
    }

    @Override
    public void line(String text, long offset, long next, boolean cut) {
      part(text, offset, next, cut);
    }
  };
  private LineSplitter.LineSink out;
  private long waitingChars;
  private long cutLines;
  private long skippedLines;

  /** One line being joined or waiting to be emitted. */
  private static final class Waiting {
    final long offset;
    final Part first;
    final String text;
    /** Its stream, or null for a line not in the envelope. */
    final String stream;
    StringBuilder content;
    long end;
    boolean cut;

    /** A whole line as read. */
    Waiting(String text, String stream, long offset, long end, boolean cut) {
      this.text = text;
      this.stream = stream;
      this.first = null;
      this.offset = offset;
      this.end = end;
      this.cut = cut;
    }

    /** The first part of a split line. */
    Waiting(Part first, long offset) {
      this.text = null;
      this.stream = first.stream();
      this.first = first;
      this.offset = offset;
      this.content = new StringBuilder();
    }
  }

  /** @param stream the stream whose lines are wanted ({@code stdout}), or null for both */
  public ContainerLines(ContainerEnvelope envelope, LineFramer physical, int maxChars,
      String stream) {
    this.envelope = envelope;
    this.physical = physical;
    this.maxChars = maxChars;
    this.stream = stream;
  }

  @Override
  public void feed(byte[] bytes, int length, long offset, LineSplitter.LineSink sink) {
    out = sink;
    physical.feed(bytes, length, offset, parts);
  }

  @Override
  public void flushPartial(long endOffset, LineSplitter.LineSink sink) {
    out = sink;
    physical.flushPartial(endOffset, parts);
    unfinished.clear();
    emitAll(endOffset);
  }

  @Override
  public void reset() {
    physical.reset();
    waiting.clear();
    unfinished.clear();
    waitingChars = 0;
  }

  @Override
  public long cutLines() {
    return physical.cutLines() + cutLines;
  }

  @Override
  public long skippedLines() {
    return skippedLines;
  }

  /** Whether a line of this stream is skipped (a line not in the envelope never is). */
  private boolean skips(String lineStream) {
    return stream != null && lineStream != null && !stream.equals(lineStream);
  }

  private void part(String text, long offset, long next, boolean cut) {
    Part part = envelope.read(text);
    Waiting open = part == null ? null : unfinished.get(part.stream());
    if (open == null && (part == null || !part.partial())) {
      String lineStream = part == null ? null : part.stream();
      if (waiting.isEmpty()) {
        if (skips(lineStream)) {
          skippedLines++;
        } else {
          out.line(text, offset, next, cut); // the usual case: a whole line, nothing waiting
        }
        return;
      }
      waiting.add(new Waiting(text, lineStream, offset, next, cut));
      waitingChars += text.length();
    } else {
      if (open == null) {
        open = new Waiting(part, offset);
        waiting.add(open);
        unfinished.put(part.stream(), open);
      }
      append(open, part.content(), next, cut);
      if (!part.partial()) {
        unfinished.remove(part.stream());
      }
    }
    if (unfinished.isEmpty()) {
      emitAll(next);
    } else if (waiting.size() > MAX_WAITING || waitingChars > 4L * maxChars) {
      unfinished.clear(); // given up on: emitted as far as they came
      emitAll(next);
    }
  }

  private void append(Waiting line, String content, long next, boolean cut) {
    int room = maxChars - line.content.length();
    if (content.length() > room) {
      if (!line.cut) {
        cutLines++;
      }
      line.cut = true;
      content = content.substring(0, Math.max(room, 0));
    }
    line.content.append(content);
    line.cut |= cut;
    line.end = next;
    waitingChars += content.length();
  }

  /**
   * Emits every waiting line in the order they started (but those of a skipped stream); the
   * last emitted ends past all of them, at {@code end} at least.
   */
  private void emitAll(long end) {
    long reached = 0;
    Waiting held = null;
    while (!waiting.isEmpty()) {
      Waiting line = waiting.poll();
      if (skips(line.stream)) {
        skippedLines++;
      } else {
        if (held != null) {
          emit(held, reached); // past it and the skipped lines after it
        }
        held = line;
      }
      reached = Math.max(reached, line.end);
    }
    if (held != null) {
      emit(held, Math.max(reached, end));
    }
    waitingChars = 0;
  }

  private void emit(Waiting line, long next) {
    String text = line.text != null ? line.text : envelope.whole(line.first, line.content.toString());
    out.line(text, line.offset, next, line.cut);
  }
}
