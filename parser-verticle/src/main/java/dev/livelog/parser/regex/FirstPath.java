package dev.livelog.parser.regex;

import static dev.livelog.parser.regex.ScanProgram.ACCEPT;
import static dev.livelog.parser.regex.ScanProgram.BEGIN;
import static dev.livelog.parser.regex.ScanProgram.BRANCH;
import static dev.livelog.parser.regex.ScanProgram.DOLLAR;
import static dev.livelog.parser.regex.ScanProgram.END;
import static dev.livelog.parser.regex.ScanProgram.TEXT;

import dev.livelog.parser.regex.RegexTree.Mode;
import java.util.HashMap;
import java.util.Map;

/**
 * The path a backtracking regex tries first, as a chain of small specialized steps run
 * straight through: each repeat takes its first end that its follower allows (the run's end,
 * or the last occurrence of the literal after it), each alternation its first alternative that
 * does not fail on its leading literal. When this path matches, it is the match
 * java.util.regex finds, since backtracking only ever tries other paths after this one fails;
 * when it fails, the {@link RegexScanner} backtracks properly. Well-formed log lines nearly
 * always match here, which is why this path is worth its own compiled form: no undo trail, no
 * recursion, and no per-step decoding of what kind of step it is.
 */
final class FirstPath {
  private final Step head;

  FirstPath(ScanProgram program) {
    Map<Integer, Step> built = new HashMap<>();
    this.head = withMarks(program.startMarks, step(program, program.start, built));
  }

  /** Whether the first path matches at {@code i}; sets the scanner's groups and match end. */
  boolean matchAt(RegexScanner s, int i) {
    s.pos = i;
    Step step = head;
    while (step != null) {
      step = step.run(s);
      if (step == FAIL) {
        return false;
      }
    }
    return true;
  }

  private static Step step(ScanProgram p, int pc, Map<Integer, Step> built) {
    Step done = built.get(pc);
    if (done != null) {
      return done;
    }
    Step step = switch (p.op[pc]) {
      case ACCEPT -> new Accept();
      case BRANCH -> branch(p, pc, built);
      case TEXT -> new Text(p.text[pc]);
      case BEGIN, END, DOLLAR -> new Anchor(p.op[pc]);
      default -> repeat(p, pc);
    };
    if (p.op[pc] != ACCEPT && p.op[pc] != BRANCH) {
      step.marks(p.post[pc]);
      step.next = step(p, p.next[pc], built);
    }
    built.put(pc, step);
    return step;
  }

  /** The step, preceded by a step setting group marks when there are any. */
  private static Step withMarks(int[] marks, Step step) {
    return marks == null ? step : new Marks(marks, step);
  }

  private static Step branch(ScanProgram p, int pc, Map<Integer, Step> built) {
    int[] alternatives = p.alternatives[pc];
    int[][] marks = new int[alternatives.length][];
    Step[] heads = new Step[alternatives.length];
    for (int k = 0; k < alternatives.length; k++) {
      marks[k] = p.alternativeMarks[pc][k];
      heads[k] = step(p, alternatives[k], built);
    }
    return new Branch(marks, heads);
  }

  private static Step repeat(ScanProgram p, int pc) {
    CharClass cls = p.cls[pc];
    boolean runEndOnly = p.follower[pc] == null || p.followerOutside[pc] || p.mode[pc] == Mode.POSSESSIVE;
    if (cls == CharClass.DOT && p.max[pc] == RegexTree.UNBOUNDED && p.mode[pc] == Mode.GREEDY
        && !runEndOnly) {
      return new DotToFollower(p.min[pc], p.follower[pc]);
    }
    if (p.mode[pc] != Mode.LAZY && runEndOnly) {
      return new Run(cls, p.min[pc], p.max[pc]);
    }
    return new AnyRepeat(p, pc);
  }

  /** A step of the first path: runs at {@code s.pos}, returns the next step, null at the end, or FAIL. */
  abstract static class Step {
    Step next;
    /** The group marks after this step (see {@link ScanProgram#post}): the first, then the rest. */
    private int mark;
    private int[] moreMarks;

    abstract Step run(RegexScanner s);

    final void marks(int[] marks) {
      if (marks != null) {
        mark = marks[0];
        moreMarks = marks.length > 1 ? java.util.Arrays.copyOfRange(marks, 1, marks.length) : null;
      }
    }

    /** Moves to {@code end}, sets the group marks that follow, and goes on. */
    final Step advance(RegexScanner s, int end) {
      s.pos = end;
      if (mark != 0) {
        setMark(s, mark, end);
        if (moreMarks != null) {
          for (int g : moreMarks) {
            setMark(s, g, end);
          }
        }
      }
      return next;
    }

    /**
     * Like {@link #advance}, and when the next step is literal text, compares it here and goes
     * past it: one dispatch fewer per literal, most of a log regex's steps.
     */
    final Step then(RegexScanner s, int end) {
      Step after = advance(s, end);
      if (after instanceof Text t) {
        return s.line.startsWith(t.text, end) ? t.advance(s, end + t.text.length()) : FAIL;
      }
      return after;
    }

    private static void setMark(RegexScanner s, int g, int at) {
      if (g > 0) {
        s.open[g] = at;
      } else {
        s.starts[-g] = s.open[-g];
        s.ends[-g] = at;
      }
    }
  }

  private static final Step FAIL = new Accept();

  private static final class Marks extends Step {
    Marks(int[] marks, Step next) {
      marks(marks);
      this.next = next;
    }

    @Override
    Step run(RegexScanner s) {
      return advance(s, s.pos);
    }
  }

  private static final class Accept extends Step {
    @Override
    Step run(RegexScanner s) {
      s.matchEnd = s.pos;
      return null;
    }
  }

  private static final class Text extends Step {
    private final String text;

    Text(String text) {
      this.text = text;
    }

    @Override
    Step run(RegexScanner s) {
      int i = s.pos;
      return s.line.startsWith(text, i) ? advance(s, i + text.length()) : FAIL;
    }
  }

  private static final class Anchor extends Step {
    private final byte op;

    Anchor(byte op) {
      this.op = op;
    }

    @Override
    Step run(RegexScanner s) {
      int i = s.pos;
      boolean ok = op == BEGIN ? i == 0 : op == END ? i == s.len : s.dollar(i);
      return ok ? advance(s, i) : FAIL;
    }
  }

  /**
   * Takes the first alternative that does not fail on its leading literal at once; that
   * literal, already compared, is stepped over.
   */
  private static final class Branch extends Step {
    private final Marks[] marks;
    private final Step[] heads;

    Branch(int[][] marks, Step[] heads) {
      this.marks = new Marks[heads.length];
      for (int k = 0; k < heads.length; k++) {
        this.marks[k] = marks[k] == null ? null : new Marks(marks[k], heads[k]);
      }
      this.heads = heads;
    }

    @Override
    Step run(RegexScanner s) {
      int at = s.pos;
      for (int k = 0; k < heads.length; k++) {
        Step head = heads[k];
        if (head instanceof Text t) {
          if (s.line.startsWith(t.text, at)) {
            if (marks[k] != null) {
              marks[k].advance(s, at);
            }
            return t.advance(s, at + t.text.length());
          }
        } else {
          return marks[k] != null ? marks[k] : head;
        }
      }
      return FAIL;
    }
  }

  /** {@code .*} and the like before a literal: ends at the literal's last occurrence in the run. */
  private static final class DotToFollower extends Step {
    private final int min;
    private final String follower;

    DotToFollower(int min, String follower) {
      this.min = min;
      this.follower = follower;
    }

    @Override
    Step run(RegexScanner s) {
      int minEnd = min == 0 ? s.pos : s.minEnd(CharClass.DOT, min, s.pos);
      if (minEnd < 0 || s.startsInsidePair(minEnd)) {
        return FAIL;
      }
      int last = s.lastOccurrence(follower, minEnd, s.dotRunEnd(minEnd));
      if (last < 0) {
        return FAIL;
      }
      Step text = advance(s, last);
      // The follower is the next step's text, already found here: step over it.
      return text instanceof Text t ? t.advance(s, last + follower.length()) : text;
    }
  }

  /** A class repeated to its run's end, e.g. {@code \d{3}}, {@code [a-z]+} or {@code \S+}. */
  private static final class Run extends Step {
    private final CharClass cls;
    private final int min;
    private final int max;

    Run(CharClass cls, int min, int max) {
      this.cls = cls;
      this.min = min;
      this.max = max;
    }

    @Override
    Step run(RegexScanner s) {
      int atLeast = s.minEnd(cls, min, s.pos);
      return atLeast < 0 ? FAIL : then(s, s.runEnd(cls, atLeast, max - min));
    }
  }

  /**
   * Any other repeat (see {@link #repeat}): a lazy one takes its shortest run; a greedy one,
   * whose follower may start inside its run, ends at the follower's last occurrence there.
   */
  private static final class AnyRepeat extends Step {
    private final CharClass cls;
    private final int min;
    private final int max;
    private final boolean lazy;
    private final String follower;

    AnyRepeat(ScanProgram p, int pc) {
      this.cls = p.cls[pc];
      this.min = p.min[pc];
      this.max = p.max[pc];
      this.lazy = p.mode[pc] == Mode.LAZY;
      this.follower = p.follower[pc];
    }

    @Override
    Step run(RegexScanner s) {
      int minEnd = s.minEnd(cls, min, s.pos);
      if (minEnd < 0) {
        return FAIL;
      }
      if (lazy) {
        return then(s, minEnd);
      }
      int end = s.lastOccurrence(follower, minEnd, s.runEnd(cls, minEnd, max - min));
      return end < 0 ? FAIL : then(s, end);
    }
  }
}
