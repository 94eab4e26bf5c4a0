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
}
