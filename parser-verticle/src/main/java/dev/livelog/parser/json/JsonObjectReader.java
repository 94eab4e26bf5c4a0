package dev.livelog.parser.json;

import dev.livelog.parser.LineRejected;

/**
 * Reads a line holding one JSON object for {@link JsonLineParser} ({@link JsonReader};
 * the benchmark plugs its peer, Jackson's streaming parser, in here) and reports its leaves in order: nested objects are
 * flattened into dotted keys ({@code upstream.time}), arrays become lists, {@code null} is
 * absent. Anything that is not one JSON object is rejected with the position where reading
 * stopped; nothing in a line makes it throw anything else. One instance per thread.
 */
public interface JsonObjectReader {
  /** Objects nested deeper than this are rejected: a line cannot make the reader recurse far. */
  int MAX_DEPTH = 16;

  /** What a leaf holds: decoded text, the text of a whole or other number, or a boolean or list. */
  enum Kind { STRING, WHOLE, NUMBER, OTHER }

  /** Receives the leaves of the object, in order. */
  interface Leaves {
    /**
     * @param key the dotted key; a key repeated from the previous line should be the same
     *     instance, which lets the caller skip comparing characters
     */
    void leaf(String key, Kind kind, Object value) throws LineRejected;
  }

  /** Reads the line's object into {@code leaves}. */
  void read(String line, Leaves leaves) throws LineRejected;
}
