package dev.livelog.parser.json;

import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueTypes;

/** A JSON number's text as a value: a Long when it is a whole number that fits, else a Double. */
final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * @param whole whether the text has no fraction or exponent
   * @param at where the number is in the line, for the rejection (-1 when unknown)
   */
  static Object value(String text, boolean whole, int at) throws LineRejected {
    try {
      return whole && text.length() <= 18 ? ValueTypes.INTEGER.convert(text)
          : ValueTypes.NUMBER.convert(text);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("not a JSON number: '" + text + "'", at);
    }
  }
}
