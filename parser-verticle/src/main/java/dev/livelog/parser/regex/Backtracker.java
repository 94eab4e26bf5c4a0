package dev.livelog.parser.regex;

import static dev.livelog.parser.regex.RegexScanner.FAILED;
import static dev.livelog.parser.regex.ScanProgram.ACCEPT;
import static dev.livelog.parser.regex.ScanProgram.BEGIN;
import static dev.livelog.parser.regex.ScanProgram.BRANCH;
import static dev.livelog.parser.regex.ScanProgram.DOLLAR;
import static dev.livelog.parser.regex.ScanProgram.END;
import static dev.livelog.parser.regex.ScanProgram.TEXT;

import dev.livelog.parser.regex.RegexTree.Mode;
import java.util.Arrays;

/**
 * Full backtracking over a {@link ScanProgram}, in java.util.regex's order, for when the
 * {@link FirstPath} failed. Steps that cannot backtrack run in a loop; recursion happens only
 * where there is a choice; group bounds set on a path that fails are undone from a trail. A
 * greedy repeat followed by a literal still jumps between the literal's occurrences, and tries
 * only its run's end when the literal cannot occur inside the run.
 */
final class Backtracker {
  private static final int MATCHED = -2;

  private final ScanProgram p;
  private final RegexScanner s;
  private int[] trail = new int[48];
  private int trailSize;

  Backtracker(ScanProgram program, RegexScanner scanner) {
    this.p = program;
    this.s = scanner;
  }

  /** Whether the pattern matches at {@code i}; the scanner's groups must be clear. */
  boolean matchAt(int i) {
    trailSize = 0;
    marks(p.startMarks, i);
    if (run(p.start, i)) {
      return true;
    }
    unwind(0);
    return false;
  }

  /** Runs the steps from {@code pc} at position {@code i}: whether the rest of the pattern matches. */
  private boolean run(int pc, int i) {
    while (true) {
      switch (p.op[pc]) {
        case TEXT -> {
          String t = p.text[pc];
          if (!s.line.startsWith(t, i)) {
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
          if (i != s.len) {
            return false;
          }
        }
        case DOLLAR -> {
          if (!s.dollar(i)) {
            return false;
          }
        }
        case ACCEPT -> {
          s.matchEnd = i;
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
          s.open[g] = i;
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
    trail[trailSize++] = s.starts[g];
    trail[trailSize++] = s.ends[g];
    s.starts[g] = s.open[g];
    s.ends[g] = i;
  }

  /** Undoes the group bounds set since the trail had {@code mark} entries. */
  private void unwind(int mark) {
    while (trailSize > mark) {
      int end = trail[--trailSize];
      int start = trail[--trailSize];
      int g = trail[--trailSize];
      s.starts[g] = start;
      s.ends[g] = end;
    }
  }

  /**
   * A repeat step at {@code i}: the one position where the rest continues when there is no
   * choice, else {@link #MATCHED} or {@link #FAILED} after trying the candidates.
   */
  private int repeat(int pc, int i) {
    int q = s.minEnd(p.cls[pc], p.min[pc], i);
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
      if (count >= p.max[pc] || q >= s.len) {
        return FAILED;
      }
      int cp = s.line.codePointAt(q);
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
        && !s.startsInsidePair(minEnd)) {
      // Pairs inside the run are skipped alike by the follower, which never s.starts in one.
      q = s.dotRunEnd(minEnd);
      return p.mode[pc] == Mode.POSSESSIVE ? q : backOff(pc, minEnd, q);
    }
    boolean surrogates = false;
    int count = p.min[pc];
    if (!cls.wide) {
      int limit = max == RegexTree.UNBOUNDED ? s.len : (int) Math.min(s.len, (long) q + max - count);
      while (q < limit && cls.contains(s.line.charAt(q))) {
        q++;
      }
      count += q - minEnd;
    }
    while (cls.wide && count < max && q < s.len) {
      char c = s.line.charAt(q);
      if (Character.isSurrogate(c)) {
        int cp = s.line.codePointAt(q);
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
    // The last occurrence nearly always is the one that matches.
    for (int at = s.lastOccurrence(follower, minEnd, end); at >= minEnd; at = s.line.lastIndexOf(follower, at - 1)) {
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
      q -= Character.charCount(Character.codePointBefore(s.line, q));
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
        q += Character.charCount(s.line.codePointAt(q));
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
}
