package dev.livelog.parser;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;

/**
 * Turns one line of text into a typed event. Instances keep per-thread state (matchers,
 * time caches): one instance per thread, never shared.
 */
public interface LineParser {

  /**
   * The fields of this parser's events, in order. A format whose lines name their own fields
   * (JSON without a mapping) answers those of the latest line: its events carry their schema.
   */
  FieldSchema schema();

  /**
   * Parses a line read at {@code offset} of a file followed by {@code source}.
   *
   * @throws LineRejected when the line does not have the format, with the reason and the
   *     character position where matching stopped
   */
  LogEvent parse(String line, String source, long offset) throws LineRejected;
}
