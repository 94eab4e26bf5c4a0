package dev.livelog.source;

/**
 * Turns what a source read into lines, each with its position and the position just after it
 * (where a restart resumes once the line is stored). {@link LineSplitter} cuts bytes at
 * newlines, a line at its byte offset; a source of records frames its own (a journal's
 * entries, at their sequence numbers), and a container log's envelope joins the parts of a
 * split line ({@code ContainerLines}). One framer per connection, used on the event loop.
 */
public interface LineFramer {

  /** Frames {@code bytes} a read returned at {@code offset}; complete lines go to the sink. */
  void feed(byte[] bytes, int length, long offset, LineSplitter.LineSink sink);

  /** Emits what is unfinished, e.g. the last line of a rotated file that had no newline. */
  void flushPartial(long endOffset, LineSplitter.LineSink sink);

  /** Forgets what is unfinished (the source is going back to an earlier position). */
  void reset();

  /** How many lines were longer than the limit and cut. */
  long cutLines();

  /** How many lines were left out on purpose (a container log's other stream). */
  default long skippedLines() {
    return 0;
  }
}
