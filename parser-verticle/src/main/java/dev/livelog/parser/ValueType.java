package dev.livelog.parser;

/**
 * Converts a field's raw text into its typed value. A raw {@code -} never reaches a converter:
 * it means absent (nginx writes it for an empty variable).
 */
@FunctionalInterface
public interface ValueType {

  /**
   * @throws IllegalArgumentException with a short reason when the text is not of this type
   */
  Object convert(String raw);

  /**
   * The value of {@code line[start, end)}. Types that can read it in place (numbers, times)
   * override this and save the substring.
   *
   * @throws IllegalArgumentException with a short reason when the text is not of this type
   */
  default Object convert(String line, int start, int end) {
    return convert(line.substring(start, end));
  }
}
