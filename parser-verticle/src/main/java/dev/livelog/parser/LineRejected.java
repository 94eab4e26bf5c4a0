package dev.livelog.parser;

/**
 * A line that does not have its format. Thrown for every bad line, so it carries no stack
 * trace: the reason and the position where matching stopped are what a user needs.
 */
public final class LineRejected extends Exception {
  private final int position;

  public LineRejected(String reason, int position) {
    super(reason, null, false, false);
    this.position = position;
  }

  /** Character index in the line where matching stopped, or -1 when unknown. */
  public int position() {
    return position;
  }

  /** The reason with the position, as shown in dead letters. */
  public String describe() {
    return position < 0 ? getMessage() : getMessage() + " (at character " + position + ")";
  }
}
