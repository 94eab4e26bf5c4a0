package dev.livelog.common.bus;

import java.util.Objects;

/**
 * Consecutive lines of one file: where they came from, the byte offset of each line and the
 * offset just past the last one (the position a checkpoint records once they are stored).
 */
public final class LineBatch {
  private final SourceOrigin origin;
  private final long[] offsets;
  private final String[] lines;
  private final long endOffset;

  public LineBatch(SourceOrigin origin, long[] offsets, String[] lines, long endOffset) {
    if (offsets.length != lines.length) {
      throw new IllegalArgumentException("one offset per line");
    }
    this.origin = Objects.requireNonNull(origin);
    this.offsets = offsets;
    this.lines = lines;
    this.endOffset = endOffset;
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
