package dev.livelog.parser.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regex with named groups written Java style {@code (?<name>...)} or Python style
 * {@code (?P<name>...)}, with names Java does not allow ({@code ups_ad}, {@code wp_login}).
 * Groups are renamed to {@code g1, g2, ...} for {@link Pattern}; {@link #fields()} maps them
 * back. Python's {@code (?P=name)} back-references and {@code \Z} are translated too.
 */
public final class NamedGroupRegex {
  private final String source;
  private final Pattern pattern;
  private final Map<String, String> javaGroupByField;
  private final Map<String, Integer> numberByField;
  private final int groupCount;

  private NamedGroupRegex(String source, Pattern pattern, Translation t) {
    this.source = source;
    this.pattern = pattern;
    this.javaGroupByField = t.javaNames;
    this.groupCount = pattern.matcher("").groupCount();
    // Counted while translating; if java.util.regex counts otherwise, groups are looked up by name.
    this.numberByField = t.count == groupCount ? t.numbers : null;
  }

  /** The Java text of a regex, its renamed groups and their numbers. */
  private static final class Translation {
    final StringBuilder out = new StringBuilder();
    final Map<String, String> javaNames = new LinkedHashMap<>();
    final Map<String, Integer> numbers = new HashMap<>();
    int count;
  }

  /**
   * A format's regex: it must name at least one group, since groups are the fields.
   *
   * @throws IllegalArgumentException with the reason and position when the regex is invalid
   */
  public static NamedGroupRegex compile(String regex) {
    Translation t = translate(regex);
    if (t.javaNames.isEmpty()) {
      throw new IllegalArgumentException("the regex has no named groups, so it yields no fields;"
          + " name them like (?P<status>\\d{3}) or (?<status>\\d{3})");
    }
    return compiled(regex, t);
  }

  /**
   * A regex with or without named groups, e.g. to derive a field.
   *
   * @throws IllegalArgumentException with the reason and position when the regex is invalid
   */
  public static NamedGroupRegex compileAny(String regex) {
    return compiled(regex, translate(regex));
  }

  private static NamedGroupRegex compiled(String regex, Translation t) {
    try {
      return new NamedGroupRegex(regex, Pattern.compile(t.out.toString()), t);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regex: " + e.getDescription()
          + " near character " + e.getIndex());
    }
  }

  public Pattern pattern() {
    return pattern;
  }

  /** Field names in the order their groups open. */
  public List<String> fields() {
    return new ArrayList<>(javaGroupByField.keySet());
  }

  /** The Java group name that captures a field. */
  public String javaGroup(String field) {
    return javaGroupByField.get(field);
  }

  /** Java's own matcher, for comparisons and peers. */
  public GroupMatcher newJavaMatcher() {
    return new JavaRegexMatcher(pattern);
  }

  /** The group number that captures a field, or -1 when only its name is known. */
  public int groupNumber(String field) {
    return numberByField == null ? -1 : numberByField.getOrDefault(field, -1);
  }

  /** How many capturing groups the pattern has, named or not. */
  public int groupCount() {
    return groupCount;
  }

  /**
   * A new matcher for this regex, groups by number: the {@link RegexScanner} when it runs the
   * pattern, else java.util.regex.
   */
  public GroupMatcher newMatcher() {
    return RegexScanner.compile(pattern.pattern(), groupCount)
        .<GroupMatcher>map(s -> s).orElseGet(() -> new JavaRegexMatcher(pattern));
  }

  /**
   * Which engine {@link #newMatcher()} runs this regex on, and why, in words a user can act on
   * (check-config and test-format show it).
   */
  public String engine() {
    try {
      RegexScanner.require(pattern.pattern(), groupCount);
      return SCANNED;
    } catch (ScannerDeclined declined) {
      return "java.util.regex: the scanner does not run " + asWritten(declined.getMessage());
    }
  }

  /** What {@link #engine()} says of a regex that runs on the scanner. */
  static final String SCANNED = "livelog's regex scanner (java.util.regex's results, less work)";

  /** Java text quoted from the translated pattern, with the user's group names back. */
  private String asWritten(String javaText) {
    String text = javaText;
    for (Map.Entry<String, String> g : javaGroupByField.entrySet()) {
      text = text.replace("(?<" + g.getValue() + ">", "(?<" + g.getKey() + ">")
          .replace("\\k<" + g.getValue() + ">", "\\k<" + g.getKey() + ">");
    }
    return text;
  }

  /** The regex as the user wrote it. */
  public String source() {
    return source;
  }

  private static Translation translate(String regex) {
    Translation t = new Translation();
    StringBuilder out = t.out;
    Map<String, String> groups = t.javaNames;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(i + 1);
        if (!inClass && next == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          end = end < 0 ? regex.length() : end + 2;
          out.append(regex, i, end);
          i = end - 1;
          continue;
        } else if (!inClass && next == 'Z') {
          out.append("\\z");
        } else if (!inClass && next == 'k' && i + 2 < regex.length() && regex.charAt(i + 2) == '<') {
          int close = closing(regex, i + 3);
          out.append("\\k<").append(groupFor(regex.substring(i + 3, close), groups, i)).append('>');
          i = close;
          continue;
        } else {
          out.append(c).append(next);
        }
        i++;
      } else if (inClass) {
        out.append(c);
        inClass = c != ']';
      } else if (c == '[') {
        out.append(c);
        inClass = true;
        // A ']' right after '[' or '[^' is a literal, not the end of the class.
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          out.append('^');
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          out.append(']');
          i++;
        }
      } else if (regex.startsWith("(?P<", i) || isJavaNamedGroup(regex, i)) {
        int nameStart = regex.indexOf('<', i) + 1;
        int close = closing(regex, nameStart);
        String name = regex.substring(nameStart, close);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException("invalid group name '" + name + "' at character " + i);
        }
        if (groups.containsKey(name)) {
          throw new IllegalArgumentException("group name '" + name + "' is used twice");
        }
        String javaName = "g" + (groups.size() + 1);
        groups.put(name, javaName);
        t.numbers.put(name, ++t.count);
        out.append("(?<").append(javaName).append('>');
        i = close;
      } else if (regex.startsWith("(?P=", i)) {
        int close = regex.indexOf(')', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed (?P= at character " + i);
        }
        out.append("\\k<").append(groupFor(regex.substring(i + 4, close), groups, i)).append('>');
        i = close;
      } else {
        if (c == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
          t.count++;
        }
        out.append(c);
      }
    }
    return t;
  }

  private static boolean isJavaNamedGroup(String regex, int i) {
    return regex.startsWith("(?<", i) && i + 3 < regex.length()
        && regex.charAt(i + 3) != '=' && regex.charAt(i + 3) != '!';
  }

  private static int closing(String regex, int from) {
    int close = regex.indexOf('>', from);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed group name at character " + from);
    }
    return close;
  }

  private static String groupFor(String name, Map<String, String> groups, int at) {
    String javaName = groups.get(name);
    if (javaName == null) {
      throw new IllegalArgumentException("back-reference to unknown group '" + name
          + "' at character " + at);
    }
    return javaName;
  }
}
