package dev.livelog.parser.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of a {@code java.util.regex} pattern, for the subset the {@link RegexScanner}
 * runs with exactly the same results: literals, {@code .}, {@code \d \s \w} and negations,
 * bracket classes of ranges, quantifiers on single characters (greedy, lazy, possessive),
 * capturing and non-capturing groups, {@code ?} on groups, alternation, and the anchors
 * {@code ^ $ \A \z \Z}. Anything else (flags, look-around, back-references, repeated groups,
 * Unicode properties...) is refused, and the pattern is left to {@code java.util.regex}.
 */
final class RegexTree {
  /** A node of the tree. */
  sealed interface Node permits Literal, Repeat, Group, Alternation, Sequence, Anchor, Optional_ {}

  record Literal(char c) implements Node {}

  /** {@code star} is true for {@code *} and {@code +}, which java.util.regex backs off by code point. */
  record Repeat(CharClass cls, int min, int max, Mode mode, boolean star) implements Node {}

  /** {@code number} 0 is a non-capturing group. */
  record Group(int number, Node body) implements Node {}

  record Alternation(List<Node> alternatives) implements Node {}

  record Sequence(List<Node> items) implements Node {}

  record Anchor(Kind kind) implements Node {}

  /** A group followed by {@code ?} (greedy) or {@code ??} (lazy). */
  record Optional_(Node group, boolean lazy) implements Node {}

  enum Mode { GREEDY, LAZY, POSSESSIVE }

  enum Kind { BEGIN, DOLLAR, END }

  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Cut to this many characters when a declined construct is quoted. */
  private static final int QUOTED = 40;

  private final String regex;
  private int at;
  private int groups;

  private RegexTree(String regex) {
    this.regex = regex;
  }

  /**
   * The tree and its number of capturing groups.
   *
   * @throws ScannerDeclined naming the first construct outside the subset
   */
  static Parsed parse(String javaRegex) {
    RegexTree p = new RegexTree(javaRegex);
    try {
      Node root = p.alternation();
      if (p.at != javaRegex.length()) {
        throw p.declined("an unmatched ')'", p.at, p.at + 1);
      }
      return new Parsed(root, p.groups);
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw p.declined("a construct it does not read", p.at, javaRegex.length());
    }
  }

  /** The construct between {@code from} and {@code to} is outside the subset. */
  private ScannerDeclined declined(String what, int from, int to) {
    int end = Math.min(Math.min(to, regex.length()), from + QUOTED);
    return new ScannerDeclined(what + ": " + regex.substring(Math.min(from, end), end)
        + (end < to ? "..." : ""));
  }

  record Parsed(Node root, int groupCount) {}

  private Node alternation() {
    List<Node> alternatives = new ArrayList<>();
    alternatives.add(sequence());
    while (at < regex.length() && regex.charAt(at) == '|') {
      at++;
      alternatives.add(sequence());
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Alternation(alternatives);
  }

  private Node sequence() {
    List<Node> items = new ArrayList<>();
    while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
      int start = at;
      items.add(quantified(atom(), start));
    }
    return new Sequence(items);
  }

  private Node atom() {
    char c = regex.charAt(at++);
    return switch (c) {
      case '(' -> group();
      case '[' -> new Repeat(bracketClass(), 1, 1, Mode.GREEDY, false);
      case '.' -> new Repeat(CharClass.DOT, 1, 1, Mode.GREEDY, false);
      case '^' -> new Anchor(Kind.BEGIN);
      case '$' -> new Anchor(Kind.DOLLAR);
      case '\\' -> escape();
      case '*', '+', '?', '{' -> throw declined("a quantifier on a quantifier", at - 2, at);
      default -> literal(c);
    };
  }

  private Node group() {
    int start = at - 1;
    int number;
    if (regex.startsWith("?:", at)) {
      at += 2;
      number = 0;
    } else if (regex.startsWith("?<", at) && at + 2 < regex.length()
        && Character.isLetter(regex.charAt(at + 2))) {
      at = regex.indexOf('>', at) + 1;
      number = ++groups;
    } else if (regex.charAt(at) == '?') {
      throw declined(specialGroup(), start, regex.indexOf(')', at) + 1);
    } else {
      number = ++groups;
    }
    Node body = alternation();
    if (at >= regex.length() || regex.charAt(at) != ')') {
      throw declined("an unclosed group", start, at);
    }
    at++;
    return new Group(number, body);
  }

  /** What a {@code (?...)} group other than {@code (?:} and {@code (?<name>} is. */
  private String specialGroup() {
    String after = regex.substring(at + 1, Math.min(regex.length(), at + 3));
    if (after.startsWith("=") || after.startsWith("!")) {
      return "a look-ahead";
    }
    if (after.startsWith("<=") || after.startsWith("<!")) {
      return "a look-behind";
    }
    return after.startsWith(">") ? "an atomic group" : "inline flags";
  }

  private Node escape() {
    char c = regex.charAt(at++);
    return switch (c) {
      case 'd' -> new Repeat(CharClass.DIGIT, 1, 1, Mode.GREEDY, false);
      case 'D' -> new Repeat(CharClass.DIGIT.negate(), 1, 1, Mode.GREEDY, false);
      case 's' -> new Repeat(CharClass.SPACE, 1, 1, Mode.GREEDY, false);
      case 'S' -> new Repeat(CharClass.SPACE.negate(), 1, 1, Mode.GREEDY, false);
      case 'w' -> new Repeat(CharClass.WORD, 1, 1, Mode.GREEDY, false);
      case 'W' -> new Repeat(CharClass.WORD.negate(), 1, 1, Mode.GREEDY, false);
      case 'A' -> new Anchor(Kind.BEGIN);
      case 'z' -> new Anchor(Kind.END);
      case 'Z' -> new Anchor(Kind.DOLLAR);
      default -> literal(escapedChar(c));
    };
  }

  /** The character an escape such as {@code \t}, {@code \x41} or {@code \.} stands for. */
  private char escapedChar(char c) {
    switch (c) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'a': return '\u0007';
      case 'e': return '\u001B';
      case 'x':
        if (regex.charAt(at) == '{') {
          throw declined("a \\x{...} code point", at - 2, regex.indexOf('}', at) + 1);
        }
        at += 2;
        return (char) Integer.parseInt(regex.substring(at - 2, at), 16);
      case 'u':
        at += 4;
        return (char) Integer.parseInt(regex.substring(at - 4, at), 16);
      default:
        if (Character.isLetterOrDigit(c)) {
          throw declined(c == '0' ? "an octal escape" : Character.isDigit(c) || c == 'k' ? "a back-reference"
              : c == 'p' || c == 'P' ? "a Unicode property" : "the escape \\" + c, at - 2,
              escapeEnd());
        }
        return c;
    }
  }

  /** After an escape's {@code <name>} or {@code {...}} argument, if it has one. */
  private int escapeEnd() {
    if (at < regex.length() && (regex.charAt(at) == '<' || regex.charAt(at) == '{')) {
      int close = regex.indexOf(regex.charAt(at) == '<' ? '>' : '}', at);
      return close < 0 ? regex.length() : close + 1;
    }
    return at;
  }

  private Node literal(char c) {
    if (Character.isSurrogate(c)) {
      throw declined("a character beyond U+FFFF", at - 1, at + 1);
    }
    return new Literal(c);
  }

  private CharClass bracketClass() {
    int start = at - 1;
    boolean negated = regex.charAt(at) == '^';
    if (negated) {
      at++;
    }
    CharClass.Builder b = new CharClass.Builder();
    boolean first = true;
    while (first || regex.charAt(at) != ']') {
      first = false; // java.util.regex reads a ']' right after '[' or '[^' as a member
      char c = regex.charAt(at++);
      if (c == '[' || (c == '&' && regex.charAt(at) == '&')) {
        throw declined("a class union or intersection", start, classEnd(start));
      }
      if (c == '\\') {
        CharClass predefined = predefinedClass(regex.charAt(at));
        if (predefined != null) {
          at++;
          b.add(predefined);
          if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
            throw declined("a range from a class", start, classEnd(start));
          }
          continue;
        }
        c = escapedChar(regex.charAt(at++));
      }
      char to = c;
      if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
        at++;
        to = regex.charAt(at++);
        if (to == '[') {
          throw declined("a class union or intersection", start, classEnd(start));
        }
        if (to == '\\') {
          if (predefinedClass(regex.charAt(at)) != null) {
            throw declined("a range to a class", start, classEnd(start));
          }
          to = escapedChar(regex.charAt(at++));
        }
      }
      if (Character.isSurrogate(c) || Character.isSurrogate(to) || to < c) {
        throw declined("a class with characters beyond U+FFFF", start, classEnd(start));
      }
      b.range(c, to);
    }
    at++;
    return b.build(negated);
  }

  /** Where the class opened at {@code start} ends, near enough to quote it. */
  private int classEnd(int start) {
    int close = regex.indexOf(']', start + 2);
    return close < 0 ? regex.length() : close + 1;
  }

  private static CharClass predefinedClass(char c) {
    return switch (c) {
      case 'd' -> CharClass.DIGIT;
      case 'D' -> CharClass.DIGIT.negate();
      case 's' -> CharClass.SPACE;
      case 'S' -> CharClass.SPACE.negate();
      case 'w' -> CharClass.WORD;
      case 'W' -> CharClass.WORD.negate();
      default -> null;
    };
  }

  private Node quantified(Node atom, int start) {
    if (at >= regex.length()) {
      return atom;
    }
    char q = regex.charAt(at);
    int min;
    int max;
    boolean star = q == '*' || q == '+';
    switch (q) {
      case '*' -> { min = 0; max = UNBOUNDED; at++; }
      case '+' -> { min = 1; max = UNBOUNDED; at++; }
      case '?' -> { min = 0; max = 1; at++; }
      case '{' -> {
        int close = regex.indexOf('}', at);
        String[] bounds = regex.substring(at + 1, close).split(",", -1);
        min = Integer.parseInt(bounds[0]);
        max = bounds.length == 1 ? min : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
        if (bounds.length > 2 || max < min) {
          throw declined("a malformed repeat count", at, close + 1);
        }
        at = close + 1;
      }
      default -> { return atom; }
    }
    Mode mode = Mode.GREEDY;
    if (at < regex.length() && regex.charAt(at) == '?') {
      mode = Mode.LAZY;
      at++;
    } else if (at < regex.length() && regex.charAt(at) == '+') {
      mode = Mode.POSSESSIVE;
      at++;
    }
    if (atom instanceof Literal l) {
      return new Repeat(CharClass.single(l.c()), min, max, mode, star && mode == Mode.GREEDY);
    }
    if (atom instanceof Repeat r && r.min() == 1 && r.max() == 1) {
      return new Repeat(r.cls(), min, max, mode, star && mode == Mode.GREEDY);
    }
    if (atom instanceof Group && q == '?' && mode != Mode.POSSESSIVE) {
      return new Optional_(atom, mode == Mode.LAZY);
    }
    throw declined(atom instanceof Group ? "a repeated group" : "a repeated anchor", start, at);
  }
}
