package dev.livelog.common.bus;

import java.util.Objects;

/**
 * Consecutive lines of one file: where they came from, the byte offset of each line and the
 * offset just past the last one (the position a checkpoint records once they are stored), and
 * which lines were cut because they were longer than the source's limit.
 */
public final class LineBatch {
  private static final boolean[] NONE_CUT = new boolean[0];

  private final SourceOrigin origin;
  private final long[] offsets;
  private final String[] lines;
  private final long endOffset;
  private final boolean[] cut;

  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset) {
    this(origin, offsets, lines, endOffset, NONE_CUT);
  }

  /** @param cut per line, whether it was cut; empty when none was */
  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset,
      boolean[] cut) {
    if (offsets.length != lines.length || (cut.length != 0 && cut.length != lines.length)) {
      throw new IllegalArgumentException("one offset (and cut flag) per line");
    }
    this.origin = Objects.requireNonNull(origin);
    this.offsets = offsets;
    this.lines = lines;
    this.endOffset = endOffset;
    this.cut = cut;
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
