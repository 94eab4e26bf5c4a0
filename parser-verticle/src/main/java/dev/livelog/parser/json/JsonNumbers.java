package dev.livelog.parser.json;

import dev.livelog.parser.LineRejected;

/** A JSON number's text as a value: a Long when it is a whole number that fits, else a Double. */
final class JsonNumbers {
  private JsonNumbers() {}

  /** @param at where the number ends in the line, for the rejection */
  static Object value(String text, int at) throws LineRejected {
    try {
      boolean whole = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
      if (whole && text.length() <= 18) {
        return Long.parseLong(text);
      }
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new LineRejected("not a JSON number: '" + text + "'", at - text.length());
    }
  }
}
