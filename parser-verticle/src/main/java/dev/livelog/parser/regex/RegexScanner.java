package dev.livelog.parser.regex;

import static dev.livelog.parser.regex.ScanProgram.ACCEPT;
import static dev.livelog.parser.regex.ScanProgram.BEGIN;
import static dev.livelog.parser.regex.ScanProgram.BRANCH;
import static dev.livelog.parser.regex.ScanProgram.DOLLAR;
import static dev.livelog.parser.regex.ScanProgram.END;
import static dev.livelog.parser.regex.ScanProgram.TEXT;

import dev.livelog.parser.regex.RegexTree.Mode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs a {@link ScanProgram} with exactly {@code java.util.regex}'s results (same match, same
 * groups) but less work: literals are found with {@code indexOf}; a greedy repeat followed by
 * a literal jumps between the literal's occurrences instead of backing off one character at
 * a time, and tries only its run's end when the literal cannot occur inside the run; steps
 * that cannot backtrack run in a loop, recursion happens only where there is a choice, and
 * group bounds set on a path that fails are undone from a trail. The seed's many {@code .*}
 * groups cost a few vectorized scans of the line instead of a walk back over every character.
 */
public final class RegexScanner implements GroupMatcher {
  private static final char[] TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};
  private static final int FAILED = -1;
  private static final int MATCHED = -2;

  private final ScanProgram p;
  private final FirstPath firstPath;
  String line;
  int len;
  /** The position of the first path's next step. */
  int pos;
  final int[] starts;
  final int[] ends;
  final int[] open;
  private int[] trail = new int[48];
  private int trailSize;
  private int matchStart;
  int matchEnd;
  private int dotFrom = -1;
  private int dotStop;

  private RegexScanner(ScanProgram program) {
    this.p = program;
    this.firstPath = new FirstPath(program);
    this.starts = new int[program.groupCount + 1];
    this.ends = new int[program.groupCount + 1];
    this.open = new int[program.groupCount + 1];
  }

  /**
   * A scanner for a {@code java.util.regex} pattern with {@code groupCount} groups, or empty
   * when the pattern uses something the scanner does not run.
   */
  public static Optional<RegexScanner> compile(String javaRegex, int groupCount) {
    return RegexTree.parse(javaRegex)
        .filter(parsed -> parsed.groupCount() == groupCount)
        .map(parsed -> new RegexScanner(ScanProgram.compile(parsed)));
  }

  @Override
  public boolean find(String text) {
    line = text;
    len = text.length();
    dotFrom = -1;
    trailSize = 0;
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
    trailSize = 0;
    marks(p.startMarks, i);
    if (run(p.start, i)) {
      matchStart = i;
      return true;
    }
    unwind(0);
    return false;
  }

  /**
   * The first end a repeat at {@code i} would try that its follower allows: the run's end, or
   * the last occurrence of the follower in the run; -1 when there is none.
   */
  int firstEnd(int pc, int i) {
    int minEnd = minEnd(p.cls[pc], p.min[pc], i);
    if (minEnd < 0 || p.mode[pc] == Mode.LAZY) {
      return minEnd;
    }
    String follower = p.follower[pc];
    CharClass cls = p.cls[pc];
    int end;
    if (cls == CharClass.DOT && p.max[pc] == RegexTree.UNBOUNDED) {
      end = dotRunEnd(minEnd);
    } else {
      end = runEnd(cls, minEnd, p.max[pc] - p.min[pc]);
    }
    if (follower == null || p.followerOutside[pc] || p.mode[pc] == Mode.POSSESSIVE) {
      return end;
    }
    int last = -1;
    for (int at = line.indexOf(follower, minEnd); at >= 0 && at <= end; at = line.indexOf(follower, at + 1)) {
      last = at;
    }
    return last;
  }

  /** Where the class's run from {@code q} ends, after at most {@code room} code points. */
  private int runEnd(CharClass cls, int q, int room) {
    int limit = room == RegexTree.UNBOUNDED - 0 || (long) q + room > len ? len : q + room;
    if (!cls.wide) {
      while (q < limit && cls.contains(line.charAt(q))) {
        q++;
      }
      return q;
    }
    for (int count = 0; count < room && q < len; count++) {
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

  /** Runs the steps from {@code pc} at position {@code i}: whether the rest of the pattern matches. */
  private boolean run(int pc, int i) {
    while (true) {
      switch (p.op[pc]) {
        case TEXT -> {
          String t = p.text[pc];
          if (!line.startsWith(t, i)) {
            return false;
          }
          i += t.length();
        }
        case BEGIN -> {
          if (i != 0) {
            return false;
          }
        }
        case END -> {
          if (i != len) {
            return false;
          }
        }
        case DOLLAR -> {
          if (!dollar(i)) {
            return false;
          }
        }
        case ACCEPT -> {
          matchEnd = i;
          return true;
        }
        case BRANCH -> {
          int mark = trailSize;
          int[] alternatives = p.alternatives[pc];
          for (int k = 0; k < alternatives.length; k++) {
            marks(p.alternativeMarks[pc][k], i);
            if (run(alternatives[k], i)) {
              return true;
            }
            unwind(mark);
          }
          return false;
        }
        default -> {
          i = repeat(pc, i);
          if (i < 0) {
            return i == MATCHED;
          }
        }
      }
      marks(p.post[pc], i);
      pc = p.next[pc];
    }
  }

  /** Whether the pattern matches on from a repeat's candidate end {@code i}. */
  private boolean after(int pc, int i) {
    marks(p.post[pc], i);
    return run(p.next[pc], i);
  }

  private void marks(int[] marks, int i) {
    if (marks != null) {
      for (int g : marks) {
        if (g > 0) {
          open[g] = i;
        } else {
          close(-g, i);
        }
      }
    }
  }

  private void close(int g, int i) {
    if (trailSize + 3 > trail.length) {
      trail = Arrays.copyOf(trail, trail.length * 2);
    }
    trail[trailSize++] = g;
    trail[trailSize++] = starts[g];
    trail[trailSize++] = ends[g];
    starts[g] = open[g];
    ends[g] = i;
  }

  /** Undoes the group bounds set since the trail had {@code mark} entries. */
  private void unwind(int mark) {
    while (trailSize > mark) {
      int end = trail[--trailSize];
      int start = trail[--trailSize];
      int g = trail[--trailSize];
      starts[g] = start;
      ends[g] = end;
    }
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
   * A repeat step at {@code i}: the one position where the rest continues when there is no
   * choice, else {@link #MATCHED} or {@link #FAILED} after trying the candidates.
   */
  private int repeat(int pc, int i) {
    int q = minEnd(p.cls[pc], p.min[pc], i);
    if (q < 0) {
      return FAILED;
    }
    return p.mode[pc] == Mode.LAZY ? lazy(pc, q) : greedy(pc, q);
  }

  private int lazy(int pc, int q) {
    CharClass cls = p.cls[pc];
    int mark = trailSize;
    for (int count = p.min[pc]; ; count++) {
      if (after(pc, q)) {
        return MATCHED;
      }
      unwind(mark);
      if (count >= p.max[pc] || q >= len) {
        return FAILED;
      }
      int cp = line.codePointAt(q);
      if (!cls.contains(cp)) {
        return FAILED;
      }
      q += Character.charCount(cp);
    }
  }

  private int greedy(int pc, int minEnd) {
    CharClass cls = p.cls[pc];
    int max = p.max[pc];
    int q = minEnd;
    if (cls == CharClass.DOT && max == RegexTree.UNBOUNDED && p.follower[pc] != null
        && !startsInsidePair(minEnd)) {
      // Pairs inside the run are skipped alike by the follower, which never starts in one.
      q = dotRunEnd(minEnd);
      return p.mode[pc] == Mode.POSSESSIVE ? q : backOff(pc, minEnd, q);
    }
    boolean surrogates = false;
    int count = p.min[pc];
    if (!cls.wide) {
      int limit = max == RegexTree.UNBOUNDED ? len : (int) Math.min(len, (long) q + max - count);
      while (q < limit && cls.contains(line.charAt(q))) {
        q++;
      }
      count += q - minEnd;
    }
    while (cls.wide && count < max && q < len) {
      char c = line.charAt(q);
      if (Character.isSurrogate(c)) {
        int cp = line.codePointAt(q);
        if (!cls.contains(cp)) {
          break;
        }
        surrogates = true;
        q += Character.charCount(cp);
      } else if (cls.contains(c)) {
        q++;
      } else {
        break;
      }
      count++;
    }
    if (p.mode[pc] == Mode.POSSESSIVE) {
      return q;
    }
    if (!surrogates) {
      return backOff(pc, minEnd, q);
    }
    return p.star[pc] ? backOffByCodePoint(pc, q, count) : backOffThroughRun(pc, minEnd, count - p.min[pc]);
  }

  /** Tries {@code end} down to {@code minEnd} (single chars, or pairs the follower skips). */
  private int backOff(int pc, int minEnd, int end) {
    String follower = p.follower[pc];
    if (follower != null && p.followerOutside[pc]) {
      return end; // the only position where the follower can start
    }
    if (minEnd == end) {
      return end;
    }
    int mark = trailSize;
    if (follower == null) {
      for (int q = end; q >= minEnd; q--) {
        if (after(pc, q)) {
          return MATCHED;
        }
        unwind(mark);
      }
      return FAILED;
    }
    // The last occurrence is found going forward (indexOf is vectorized, lastIndexOf is not);
    // it nearly always is the one that matches.
    int last = -1;
    for (int at = line.indexOf(follower, minEnd); at >= 0 && at <= end; at = line.indexOf(follower, at + 1)) {
      last = at;
    }
    for (int at = last; at >= minEnd; at = line.lastIndexOf(follower, at - 1)) {
      if (after(pc, at)) {
        return MATCHED;
      }
      unwind(mark);
    }
    return FAILED;
  }

  /** java.util.regex's {@code CharPropertyGreedy}: one code point back at a time from the end. */
  private int backOffByCodePoint(int pc, int end, int count) {
    int mark = trailSize;
    int q = end;
    for (int n = count; n >= p.min[pc]; n--) {
      if (after(pc, q)) {
        return MATCHED;
      }
      unwind(mark);
      if (n == p.min[pc]) {
        return FAILED;
      }
      q -= Character.charCount(Character.codePointBefore(line, q));
    }
    return FAILED;
  }

  /** Standard backtracking over a run holding surrogate pairs: every code point boundary, last first. */
  private int backOffThroughRun(int pc, int minEnd, int extra) {
    int[] boundaries = new int[extra + 1];
    int q = minEnd;
    for (int k = 0; k <= extra; k++) {
      boundaries[k] = q;
      if (k < extra) {
        q += Character.charCount(line.codePointAt(q));
      }
    }
    int mark = trailSize;
    for (int k = extra; k >= 0; k--) {
      if (after(pc, boundaries[k])) {
        return MATCHED;
      }
      unwind(mark);
    }
    return FAILED;
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
