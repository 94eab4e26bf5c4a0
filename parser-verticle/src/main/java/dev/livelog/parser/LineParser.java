package dev.livelog.parser;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.Optional;

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
   * Parses a line read at {@code offset} of a file followed by {@code source}. The event
   * carries the line it was given ({@link LogEvent#line()}, the same string, not a copy); a
   * parser wrapping another gives its own event the line it was given, not the inner one's.
   *
   * @throws LineRejected when the line does not have the format, with the reason and the
   *     character position where matching stopped
   */
  LogEvent parse(String line, String source, long offset) throws LineRejected;

  /**
   * The lines parsed next come from this file (a batch's origin path): a format that takes
   * fields from a file's name (a container log's pod and container) reads it here. A wrapping
   * parser passes it on.
   */
  default void readingFile(String path) {
  }

  /**
   * For a format a regex drives: which engine matches it (livelog's scanner or
   * {@code java.util.regex}) and why, as check-config and test-format show it; empty for
   * formats without a regex. A parser wrapping another answers the inner one's.
   */
  default Optional<String> regexEngine() {
    return Optional.empty();
  }
}
