package dev.livelog.parser.regex;

import dev.livelog.parser.regex.RegexTree.Alternation;
import dev.livelog.parser.regex.RegexTree.Anchor;
import dev.livelog.parser.regex.RegexTree.Group;
import dev.livelog.parser.regex.RegexTree.Literal;
import dev.livelog.parser.regex.RegexTree.Mode;
import dev.livelog.parser.regex.RegexTree.Node;
import dev.livelog.parser.regex.RegexTree.Optional_;
import dev.livelog.parser.regex.RegexTree.Repeat;
import dev.livelog.parser.regex.RegexTree.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RegexTree} flattened into steps for the {@link RegexScanner} to interpret: each
 * step has an operation, its operands and the index of the step after it. Immutable.
 */
final class ScanProgram {
  static final byte TEXT = 0;
  static final byte OPEN = 1;
  static final byte CLOSE = 2;
  static final byte REPEAT = 3;
  static final byte BRANCH = 4;
  static final byte JOIN = 5;
  static final byte BEGIN = 6;
  static final byte END = 7;
  static final byte DOLLAR = 8;
  static final byte ACCEPT = 9;

  /** One step while building. */
  private static final class Step {
    byte op;
    int next = -1;
    String text;
    int group;
    Repeat repeat;
    int[] alternatives;
  }

  final byte[] op;
  final int[] next;
  final String[] text;
  final int[] group;
  final CharClass[] cls;
  final int[] min;
  final int[] max;
  final Mode[] mode;
  /** {@code *} and {@code +}: java.util.regex backs them off by code point from the run's end. */
  final boolean[] star;
  /** The literal that must follow a repeat, if any. */
  final String[] follower;
  /** Whether that literal cannot start inside the repeat's run (then only its end can match). */
  final boolean[] followerOutside;
  final int[][] alternatives;
  /**
   * Group marks to set after a step succeeds, before its next step: {@code g} opens group g,
   * {@code -g} closes it. Marks are zero-width, so they ride on the step before them instead
   * of costing a dispatch of their own.
   */
  final int[][] post;
  /** The marks on the way into each alternative of a branch. */
  final int[][][] alternativeMarks;
  final int[] startMarks;
  final int start;
  final int groupCount;
  final int minLength;
  final String firstLiteral;
  final boolean anchored;
  /**
   * Whether the pattern starts with a greedy unbounded repeat whose follower cannot start in
   * its run ({@code (\S+) ...}): a failed start then fails for every later start inside that
   * run too, since each reaches the same run end and the same rest, so they are skipped.
   */
  final boolean skipsFailedRuns;

  private ScanProgram(List<Step> steps, int start, int groupCount, int minLength) {
    int n = steps.size();
    op = new byte[n];
    next = new int[n];
    text = new String[n];
    group = new int[n];
    cls = new CharClass[n];
    min = new int[n];
    max = new int[n];
    mode = new Mode[n];
    star = new boolean[n];
    follower = new String[n];
    followerOutside = new boolean[n];
    alternatives = new int[n][];
    post = new int[n][];
    alternativeMarks = new int[n][][];
    for (int i = 0; i < n; i++) {
      Step s = steps.get(i);
      op[i] = s.op;
      next[i] = s.next;
      text[i] = s.text;
      group[i] = s.group;
      alternatives[i] = s.alternatives;
      if (s.repeat != null) {
        cls[i] = s.repeat.cls();
        min[i] = s.repeat.min();
        max[i] = s.repeat.max();
        mode[i] = s.repeat.mode();
        star[i] = s.repeat.star();
      }
    }
    int[] chained = next.clone(); // marks are read along the chain before it is rewired
    for (int i = 0; i < n; i++) {
      if (next[i] >= 0) {
        post[i] = marks(chained, next[i]);
        next[i] = skipMarks(chained, next[i]);
      }
      if (alternatives[i] != null) {
        alternativeMarks[i] = new int[alternatives[i].length][];
        for (int k = 0; k < alternatives[i].length; k++) {
          alternativeMarks[i][k] = marks(chained, alternatives[i][k]);
          alternatives[i][k] = skipMarks(chained, alternatives[i][k]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (op[i] == REPEAT) {
        int after = next[i];
        if (op[after] == TEXT) {
          follower[i] = text[after];
          followerOutside[i] = !cls[i].contains(text[after].charAt(0));
        }
      }
    }
    this.startMarks = marks(chained, start);
    this.start = skipMarks(chained, start);
    this.groupCount = groupCount;
    this.minLength = minLength;
    int first = this.start;
    this.anchored = op[first] == BEGIN;
    this.firstLiteral = op[first] == TEXT ? text[first] : null;
    this.skipsFailedRuns = op[first] == REPEAT && followerOutside[first]
        && max[first] == RegexTree.UNBOUNDED && mode[first] != Mode.LAZY;
  }

  /** The group marks from step {@code i} up to the first real step, or null when none. */
  private int[] marks(int[] chained, int i) {
    List<Integer> marks = new ArrayList<>();
    for (; op[i] == OPEN || op[i] == CLOSE || op[i] == JOIN; i = chained[i]) {
      if (op[i] != JOIN) {
        marks.add(op[i] == OPEN ? group[i] : -group[i]);
      }
    }
    return marks.isEmpty() ? null : marks.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The first step from {@code i} that is not a zero-width group mark or join. */
  private int skipMarks(int[] chained, int i) {
    while (op[i] == OPEN || op[i] == CLOSE || op[i] == JOIN) {
      i = chained[i];
    }
    return i;
  }

  static ScanProgram compile(RegexTree.Parsed parsed) {
    List<Step> steps = new ArrayList<>();
    int accept = add(steps, ACCEPT, -1);
    int start = build(parsed.root(), accept, steps);
    return new ScanProgram(steps, start, parsed.groupCount(), minLength(parsed.root()));
  }

  private static int add(List<Step> steps, byte op, int next) {
    Step s = new Step();
    s.op = op;
    s.next = next;
    steps.add(s);
    return steps.size() - 1;
  }

  private static int build(Node node, int next, List<Step> steps) {
    if (node instanceof Sequence seq) {
      int at = next;
      List<Node> items = seq.items();
      int i = items.size() - 1;
      while (i >= 0) {
        if (items.get(i) instanceof Literal) {
          StringBuilder text = new StringBuilder();
          for (; i >= 0 && items.get(i) instanceof Literal l; i--) {
            text.append(l.c());
          }
          at = add(steps, TEXT, at);
          steps.get(at).text = text.reverse().toString();
        } else {
          at = build(items.get(i--), at, steps);
        }
      }
      return at;
    }
    if (node instanceof Literal l) {
      int at = add(steps, TEXT, next);
      steps.get(at).text = String.valueOf(l.c());
      return at;
    }
    if (node instanceof Repeat r) {
      int at = add(steps, REPEAT, next);
      steps.get(at).repeat = r;
      return at;
    }
    if (node instanceof Group g) {
      if (g.number() == 0) {
        return build(g.body(), next, steps);
      }
      int close = add(steps, CLOSE, next);
      steps.get(close).group = g.number();
      int open = add(steps, OPEN, build(g.body(), close, steps));
      steps.get(open).group = g.number();
      return open;
    }
    if (node instanceof Alternation a) {
      int join = add(steps, JOIN, next);
      int[] alts = a.alternatives().stream().mapToInt(alt -> build(alt, join, steps)).toArray();
      return branch(steps, alts);
    }
    if (node instanceof Optional_ o) {
      int join = add(steps, JOIN, next);
      int body = build(o.group(), join, steps);
      return branch(steps, o.lazy() ? new int[] {join, body} : new int[] {body, join});
    }
    byte op = switch (((Anchor) node).kind()) {
      case BEGIN -> BEGIN;
      case DOLLAR -> DOLLAR;
      case END -> END;
    };
    return add(steps, op, next);
  }

  private static int branch(List<Step> steps, int[] alternatives) {
    int at = add(steps, BRANCH, -1);
    steps.get(at).alternatives = alternatives;
    return at;
  }

  /** The fewest chars a match needs, counted as java.util.regex does (it tries no later start). */
  private static int minLength(Node node) {
    if (node instanceof Sequence s) {
      return s.items().stream().mapToInt(ScanProgram::minLength).sum();
    }
    if (node instanceof Literal) {
      return 1;
    }
    if (node instanceof Repeat r) {
      return r.min();
    }
    if (node instanceof Group g) {
      return minLength(g.body());
    }
    if (node instanceof Alternation a) {
      return a.alternatives().stream().mapToInt(ScanProgram::minLength).min().orElse(0);
    }
    return 0;
  }
}
