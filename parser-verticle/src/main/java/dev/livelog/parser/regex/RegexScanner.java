package dev.livelog.parser.regex;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds a regex with exactly {@code java.util.regex}'s results (same match, same groups) but
 * less work, for the patterns {@link RegexTree} accepts: a literal start is found with
 * {@code indexOf}; at each start the {@link FirstPath} (what backtracking tries first) runs
 * straight through, and only when it fails does the {@link Backtracker} explore the rest. A
 * greedy {@code .*} before a literal costs a vectorized scan for the literal's last
 * occurrence instead of a walk back over every character. Holds the state of one match: one
 * instance per thread.
 */
public final class RegexScanner implements GroupMatcher {
  private static final char[] TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};
  static final int FAILED = -1;

  private final ScanProgram p;
  private final FirstPath firstPath;
  private final Backtracker backtracker;
  String line;
  int len;
  /** The position of the first path's next step. */
  int pos;
  final int[] starts;
  final int[] ends;
  final int[] open;
  private int matchStart;
  int matchEnd;
  private int dotFrom = -1;
  private int dotStop;

  private RegexScanner(ScanProgram program) {
    this.p = program;
    this.firstPath = new FirstPath(program);
    this.backtracker = new Backtracker(program, this);
    this.starts = new int[program.groupCount + 1];
    this.ends = new int[program.groupCount + 1];
    this.open = new int[program.groupCount + 1];
  }

  /**
   * A scanner for a {@code java.util.regex} pattern with {@code groupCount} groups, or empty
   * when the pattern uses something the scanner does not run.
   */
  public static Optional<RegexScanner> compile(String javaRegex, int groupCount) {
    try {
      return Optional.of(require(javaRegex, groupCount));
    } catch (ScannerDeclined declined) {
      return Optional.empty();
    }
  }

  /**
   * A scanner for a {@code java.util.regex} pattern with {@code groupCount} groups.
   *
   * @throws ScannerDeclined naming the construct that the scanner does not run
   */
  static RegexScanner require(String javaRegex, int groupCount) {
    RegexTree.Parsed parsed = RegexTree.parse(javaRegex);
    if (parsed.groupCount() != groupCount) {
      throw new ScannerDeclined("groups that it counts differently from java.util.regex");
    }
    return new RegexScanner(ScanProgram.compile(parsed));
  }

  @Override
  public boolean find(String text) {
    line = text;
    len = text.length();
    dotFrom = -1;
    Arrays.fill(starts, -1);
    Arrays.fill(ends, -1);
    int guard = len - p.minLength;
    if (p.anchored) {
      return guard >= 0 && tryAt(0);
    }
    String first = p.firstLiteral;
    if (first != null) {
      for (int i = text.indexOf(first); i >= 0 && i <= guard; i = text.indexOf(first, i + 1)) {
        if (tryAt(i)) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0; i <= guard; i++) {
      if (tryAt(i)) {
        return true;
      }
      if (p.skipsFailedRuns) {
        i = Math.max(i, runEnd(p.cls[p.start], i, RegexTree.UNBOUNDED));
      }
    }
    return false;
  }

  private boolean tryAt(int i) {
    if (firstPath.matchAt(this, i)) {
      matchStart = i;
      return true;
    }
    Arrays.fill(starts, -1);
    Arrays.fill(ends, -1);
    if (backtracker.matchAt(i)) {
      matchStart = i;
      return true;
    }
    return false;
  }

  /**
   * The last start of {@code text} in {@code [from, end]}, or -1; found going forward, since
   * indexOf is vectorized and lastIndexOf is not.
   */
  int lastOccurrence(String text, int from, int end) {
    int last = -1;
    for (int at = line.indexOf(text, from); at >= 0 && at <= end; at = line.indexOf(text, at + 1)) {
      last = at;
    }
    return last;
  }

  /** Where the class's run from {@code q} ends, after at most {@code room} code points. */
  int runEnd(CharClass cls, int q, int room) {
    int limit = (long) q + room > len ? len : q + room;
    if (!cls.wide) {
      while (q < limit && cls.contains(line.charAt(q))) {
        q++;
      }
      return q;
    }
    for (int count = 0; count < room && q < len; count++) {
      char c = line.charAt(q);
      if (!Character.isSurrogate(c)) { // most text: no code point to decode
        if (!cls.contains(c)) {
          break;
        }
        q++;
        continue;
      }
      int cp = line.codePointAt(q);
      if (!cls.contains(cp)) {
        break;
      }
      q += Character.charCount(cp);
    }
    return q;
  }

  /** The position after the repeat's first {@code min} code points, or -1. */
  int minEnd(CharClass cls, int min, int i) {
    int q = i;
    if (!cls.wide) {
      if (len - i < min) {
        return FAILED;
      }
      for (int end = i + min; q < end; q++) {
        if (!cls.contains(line.charAt(q))) {
          return FAILED;
        }
      }
      return q;
    }
    for (int n = 0; n < min; n++) {
      if (q >= len) {
        return FAILED;
      }
      int cp = line.codePointAt(q);
      if (!cls.contains(cp)) {
        return FAILED;
      }
      q += Character.charCount(cp);
    }
    return q;
  }

  @Override
  public int start(int group) {
    return group == 0 ? matchStart : starts[group];
  }

  @Override
  public int end(int group) {
    return group == 0 ? matchEnd : ends[group];
  }

  /** {@code $} and {@code \Z} without flags: the end, or before a final terminator ({@code \r\n} is one). */
  boolean dollar(int i) {
    if (i < len - 2) {
      return false;
    }
    if (i == len - 2 && (line.charAt(i) != '\r' || line.charAt(i + 1) != '\n')) {
      return false;
    }
    if (i < len) {
      char c = line.charAt(i);
      if (c == '\n') {
        return i == 0 || line.charAt(i - 1) != '\r';
      }
      return c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }
    return true;
  }

  /**
   * Whether a position splits a surrogate pair: java.util.regex, backing off a run that starts
   * there, steps over the pair's first half, before the run (the slow path follows it).
   */
  boolean startsInsidePair(int at) {
    return at > 0 && at < len && Character.isLowSurrogate(line.charAt(at))
        && Character.isHighSurrogate(line.charAt(at - 1));
  }

  /**
   * The first line terminator from {@code q} on (where {@code .} stops), or the line's end;
   * remembered, as the {@code .*} groups of a line share it.
   */
  int dotRunEnd(int q) {
    if (dotFrom >= 0 && q >= dotFrom && q <= dotStop) {
      return dotStop;
    }
    int stop = len;
    for (char terminator : TERMINATORS) {
      int at = line.indexOf(terminator, q);
      if (at >= 0 && at < stop) {
        stop = at;
      }
    }
    dotFrom = q;
    dotStop = stop;
    return stop;
  }
}
