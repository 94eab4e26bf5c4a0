package dev.livelog.parser.time;

/**
 * Reads a time as written in a log into epoch milliseconds. Implementations remember the last
 * text they parsed, since consecutive lines mostly share their second: one instance per thread.
 */
@FunctionalInterface
public interface TimeParser {

  /**
   * @throws IllegalArgumentException with a short reason when the text is not such a time
   */
  long parse(String text);

  /** The time written in {@code line[start, end)}. */
  default long parse(String line, int start, int end) {
    return parse(line.substring(start, end));
  }
}
