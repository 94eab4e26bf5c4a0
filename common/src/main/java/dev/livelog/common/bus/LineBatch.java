package dev.livelog.common.bus;

import dev.livelog.common.event.LogEvent;
import java.util.Objects;

/**
 * Consecutive lines of one file: where they came from, the byte offset of each line and the
 * offset just past the last one (the position a checkpoint records once they are stored),
 * which lines were cut because they were longer than the source's limit, and the time a
 * source knows for each line (a journal entry's timestamp), when it knows one.
 */
public final class LineBatch {
  private static final boolean[] NONE_CUT = new boolean[0];
  private static final long[] NO_TIMES = new long[0];

  private final SourceOrigin origin;
  private final long[] offsets;
  private final String[] lines;
  private final long endOffset;
  private final boolean[] cut;
  private final long[] times;

  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset) {
    this(origin, offsets, lines, endOffset, NONE_CUT);
  }

  /** @param cut per line, whether it was cut; empty when none was */
  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset,
      boolean[] cut) {
    this(origin, offsets, lines, endOffset, cut, NO_TIMES);
  }

  /**
   * @param cut per line, whether it was cut; empty when none was
   * @param times per line, the time its source gives it (epoch milliseconds, or
   *     {@code LogEvent.NO_TIME}); empty when the source gives none
   */
  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset,
      boolean[] cut, long[] times) {
    if (offsets.length != lines.length || (cut.length != 0 && cut.length != lines.length)
        || (times.length != 0 && times.length != lines.length)) {
      throw new IllegalArgumentException("one offset (and cut flag, and time) per line");
    }
    this.origin = Objects.requireNonNull(origin);
    this.offsets = offsets;
    this.lines = lines;
    this.endOffset = endOffset;
    this.cut = cut;
    this.times = times;
  }

  public SourceOrigin origin() {
    return origin;
  }

  public int size() {
    return lines.length;
  }

  public String line(int i) {
    return lines[i];
  }

  public long offset(int i) {
    return offsets[i];
  }

  /** Whether line {@code i} was longer than the source's limit and cut to it. */
  public boolean isCut(int i) {
    return cut.length != 0 && cut[i];
  }

  /** Whether the source gave its lines times. */
  public boolean hasTimes() {
    return times.length != 0;
  }

  /**
   * The time the source gives line {@code i} (epoch milliseconds), or
   * {@link LogEvent#NO_TIME} when it gives none.
   */
  public long time(int i) {
    return times.length == 0 ? LogEvent.NO_TIME : times[i];
  }

  /** Offset of the first line, or the end offset of an empty batch. */
  public long startOffset() {
    return offsets.length == 0 ? endOffset : offsets[0];
  }

  public long endOffset() {
    return endOffset;
  }

  @Override
  public String toString() {
    return "LineBatch{" + origin + " [" + startOffset() + ", " + endOffset + "), " + size()
        + " lines}";
  }
}
