package dev.livelog.parser;

import java.util.List;
import java.util.Random;

/** Random mutations of lines, for fuzz tests: what a damaged, truncated or hostile line looks like. */
public final class LineMutations {
  private static final String[] PIECES = {"a", "b", "c", " ", "-", ":", "\"", "1", "2", "9",
      "\n", "\r", "\u0085", "\u2028", "\u00e9", "\uD83D\uDE00", "\uD83D", "\uDE00", "x", "***",
      "\\", "{", "}", "[", "]", "\\x", "\\u00"};

  private LineMutations() {}

  /** A line changed a few times: chars replaced, inserted, deleted, pieces duplicated or moved. */
  public static String mutate(String line, Random r, int times) {
    StringBuilder s = new StringBuilder(line);
    for (int t = 0; t < times; t++) {
      int at = s.length() == 0 ? 0 : r.nextInt(s.length());
      switch (r.nextInt(6)) {
        case 0 -> s.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (s.length() > 0) {
            s.setCharAt(at, PIECES[r.nextInt(PIECES.length)].charAt(0));
          }
        }
        case 3 -> {
          int end = Math.min(s.length(), at + r.nextInt(20));
          s.insert(r.nextInt(s.length() + 1), s.substring(at, end));
        }
        case 4 -> s.insert(at, List.of(" ups_rt: ", " cache: ", "\" (", ") media: ", " wp_login: ",
            "\" ", " -", "] \"").get(r.nextInt(8)));
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

}
