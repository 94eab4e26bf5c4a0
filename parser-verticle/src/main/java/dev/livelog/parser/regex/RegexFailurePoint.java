package dev.livelog.parser.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a regex stopped matching a line, for a user fixing a format: the regex is cut into its
 * top-level pieces (a run of literal text, a group, a class with its quantifier...), and the
 * longest prefix of pieces found in the line tells how far matching got and which piece did
 * not follow. Prefixes are compiled on first use; only lines that failed pay for this.
 */
public final class RegexFailurePoint {
  /** Lines longer than this are not diagnosed: a backtracking prefix could take too long. */
  static final int MAX_LINE = 4096;

  /**
   * Where matching stopped and the piece of the regex that did not match there; or, when a
   * greedy piece ran to the end of the line, where that piece started and the piece that
   * found nothing after it.
   */
  public record Failure(int position, String expected, String greedy) {
    /** The reason, as a user reads it. */
    public String describe() {
      return greedy == null ? "'" + expected + "' does not match here"
          : "'" + greedy + "' matched from here to the end, with no '" + expected + "' after it";
    }
  }

  private static final GroupMatcher NEVER = new JavaRegexMatcher(Pattern.compile("(?!)"));

  private final List<String> pieces;
  private final GroupMatcher[] prefixes;

  public RegexFailurePoint(String regex) {
    this.pieces = RegexPieces.split(regex);
    this.prefixes = new GroupMatcher[pieces.size() + 1];
  }

  /** Where matching stopped, or null when that cannot be told (top-level alternation, huge line). */
  public Failure locate(String line) {
    if (pieces.isEmpty() || line.length() > MAX_LINE) {
      return null;
    }
    int lo = 0;
    int hi = pieces.size();
    if (find(hi, line) >= 0) {
      return null;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (find(mid, line) >= 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    int end = find(lo, line);
    String expected = pieces.get(lo);
    if (end == line.length() && lo > 0 && !RegexPieces.isLiteral(pieces.get(lo - 1))) {
      // A greedy piece ran to the end of the line: what failed is what should follow it.
      return new Failure(Math.max(0, find(lo - 1, line)), expected, pieces.get(lo - 1));
    }
    return new Failure(end, expected, null);
  }

  /** End of the first match of the first {@code k} pieces, or -1. */
  private int find(int k, String line) {
    if (k == 0) {
      return 0;
    }
    GroupMatcher m = prefixes[k];
    if (m == null) {
      try {
        m = NamedGroupRegex.compileAny(String.join("", pieces.subList(0, k))).newMatcher();
      } catch (IllegalArgumentException e) {
        m = NEVER; // a prefix that is not a regex on its own never matches
      }
      prefixes[k] = m;
    }
    try {
      return m.find(line) ? m.end(0) : -1;
    } catch (StackOverflowError e) {
      return -1;
    }
  }

  /** Splits a regex into top-level pieces. */
  static final class RegexPieces {
    private RegexPieces() {}

    static boolean isLiteral(String piece) {
      for (int i = 0; i < piece.length(); i++) {
        char c = piece.charAt(i);
        if (c == '\\') {
          if (i + 1 >= piece.length() || Character.isLetterOrDigit(piece.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (".^$[](){}|*+?".indexOf(c) >= 0) {
          return false;
        }
      }
      return true;
    }

    /** The pieces, literal runs merged; empty when the regex has a top-level {@code |}. */
    static List<String> split(String regex) {
      List<String> pieces = new ArrayList<>();
      int i = 0;
      while (i < regex.length()) {
        if (regex.charAt(i) == '|') {
          return List.of();
        }
        int end = quantifier(regex, atomEnd(regex, i));
        String piece = regex.substring(i, end);
        int last = pieces.size() - 1;
        if (isLiteral(piece) && last >= 0 && isLiteral(pieces.get(last))) {
          pieces.set(last, pieces.get(last) + piece);
        } else {
          pieces.add(piece);
        }
        i = end;
      }
      return pieces;
    }

    private static int atomEnd(String r, int i) {
      char c = r.charAt(i);
      if (c == '\\') {
        return escapeEnd(r, i);
      }
      if (c == '[') {
        return classEnd(r, i);
      }
      if (c == '(') {
        return groupEnd(r, i);
      }
      return i + 1;
    }

    private static int escapeEnd(String r, int i) {
      if (i + 1 >= r.length()) {
        return r.length();
      }
      char e = r.charAt(i + 1);
      switch (e) {
        case 'Q': {
          int end = r.indexOf("\\E", i + 2);
          return end < 0 ? r.length() : end + 2;
        }
        case 'x':
          return r.startsWith("{", i + 2) ? closing(r, i + 2, '}') : Math.min(r.length(), i + 4);
        case 'u':
          return Math.min(r.length(), i + 6);
        case 'c':
          return Math.min(r.length(), i + 3);
        case 'p': case 'P':
          return r.startsWith("{", i + 2) ? closing(r, i + 2, '}') : Math.min(r.length(), i + 3);
        case 'k':
          return r.startsWith("<", i + 2) ? closing(r, i + 2, '>') : i + 2;
        default: {
          int end = i + 2;
          while (Character.isDigit(e) && end < r.length() && Character.isDigit(r.charAt(end))) {
            end++;
          }
          return end;
        }
      }
    }

    private static int closing(String r, int from, char close) {
      int end = r.indexOf(close, from);
      return end < 0 ? r.length() : end + 1;
    }

    private static int classEnd(String r, int i) {
      int j = i + 1;
      if (j < r.length() && r.charAt(j) == '^') {
        j++;
      }
      if (j < r.length() && r.charAt(j) == ']') {
        j++;
      }
      int depth = 1;
      while (j < r.length() && depth > 0) {
        char c = r.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
        j++;
      }
      return j;
    }

    private static int groupEnd(String r, int i) {
      int depth = 0;
      int j = i;
      while (j < r.length()) {
        char c = r.charAt(j);
        if (c == '\\') {
          j = escapeEnd(r, j);
          continue;
        }
        if (c == '[') {
          j = classEnd(r, j);
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return j + 1;
        }
        j++;
      }
      return r.length();
    }

    private static int quantifier(String r, int i) {
      if (i >= r.length()) {
        return i;
      }
      char c = r.charAt(i);
      int end;
      if (c == '*' || c == '+' || c == '?') {
        end = i + 1;
      } else if (c == '{' && r.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
        end = r.indexOf('}', i) + 1;
      } else {
        return i;
      }
      if (end < r.length() && (r.charAt(end) == '?' || r.charAt(end) == '+')) {
        end++;
      }
      return end;
    }
  }
}
