package dev.livelog.source.glob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path pattern naming several files: {@code *} and {@code ?} within a name, {@code [abc]},
 * {@code {a,b}}, {@code **} for any number of directories, and {@code <name>} that matches like
 * {@code *} and captures what it matched as a field ({@code /var/log/nginx/<vhost>.access.log}).
 * Files are listed under {@link #base()}, the longest directory of the pattern without any of
 * these, down to {@link #depth()} levels.
 */
public final class PathGlob {
  private static final String META = "*?[{<";

  private final String text;
  private final String base;
  private final int depth;
  private final Pattern regex;
  private final List<String> captures;

  private PathGlob(String text, String base, int depth, Pattern regex, List<String> captures) {
    this.text = text;
    this.base = base;
    this.depth = depth;
    this.regex = regex;
    this.captures = captures;
  }

  /** Whether a path names several files (has a wildcard or a capture). */
  public static boolean isGlob(String path) {
    for (char c : META.toCharArray()) {
      if (path.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiles an absolute pattern.
   *
   * @throws IllegalArgumentException with the reason, for a config error on {@code path}
   */
  public static PathGlob compile(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a pattern must be an absolute path (start with /)");
    }
    String[] segments = text.substring(1).split("/", -1);
    int fixed = 0;
    while (fixed < segments.length - 1 && !isGlob(segments[fixed])) {
      fixed++;
    }
    String base = "/" + String.join("/", java.util.Arrays.copyOfRange(segments, 0, fixed));
    boolean any = false;
    StringBuilder regex = new StringBuilder(Pattern.quote(base.equals("/") ? "" : base));
    List<String> captures = new ArrayList<>();
    for (int i = fixed; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals("**")) {
        any = true;
        regex.append(i == segments.length - 1 ? "/.*" : "(?:/[^/]+)*");
        continue;
      }
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("empty path segment (//) in the pattern");
      }
      regex.append('/').append(segmentRegex(segment, captures));
    }
    int depth = any ? Integer.MAX_VALUE : segments.length - fixed;
    return new PathGlob(text, base, depth, Pattern.compile(regex.toString()), List.copyOf(captures));
  }

  private static String segmentRegex(String segment, List<String> captures) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < segment.length()) {
      char c = segment.charAt(i);
      switch (c) {
        case '*' -> {
          if (segment.startsWith("**", i)) {
            throw new IllegalArgumentException("'**' must be a whole path segment (/**/)");
          }
          out.append("[^/]*");
          i++;
        }
        case '?' -> {
          out.append("[^/]");
          i++;
        }
        case '[' -> {
          int end = segment.indexOf(']', i + 2);
          if (end < 0) {
            throw new IllegalArgumentException("'[' without a closing ']'");
          }
          String set = segment.substring(i + 1, end);
          out.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
          i = end + 1;
        }
        case '{' -> {
          int end = segment.indexOf('}', i);
          if (end < 0) {
            throw new IllegalArgumentException("'{' without a closing '}'");
          }
          List<String> options = new ArrayList<>();
          for (String option : segment.substring(i + 1, end).split(",", -1)) {
            options.add(segmentRegex(option, captures));
          }
          out.append("(?:").append(String.join("|", options)).append(')');
          i = end + 1;
        }
        case '<' -> {
          int end = segment.indexOf('>', i);
          String name = end < 0 ? "" : segment.substring(i + 1, end);
          if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("a capture is written <name>, with a field name"
                + " (letters, digits, '_', '.')");
          }
          if (captures.contains(name)) {
            throw new IllegalArgumentException("capture <" + name + "> appears twice");
          }
          captures.add(name);
          out.append("([^/]+?)");
          i = end + 1;
        }
        default -> {
          int next = i;
          while (next < segment.length() && META.indexOf(segment.charAt(next)) < 0) {
            next++;
          }
          out.append(Pattern.quote(segment.substring(i, next)));
          i = next;
        }
      }
    }
    return out.toString();
  }

  /** The directory files are listed under. */
  public String base() {
    return base;
  }

  /** How many directory levels below {@link #base()} a match can be ({@code **}: no limit). */
  public int depth() {
    return depth;
  }

  /** The names of the {@code <name>} captures, in order. */
  public List<String> captures() {
    return captures;
  }

  /** Whether the pattern matches a path. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** The captured fields of a matching path, or empty when it does not match. */
  public Optional<Map<String, String>> match(String path) {
    Matcher m = regex.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < captures.size(); i++) {
      fields.put(captures.get(i), m.group(i + 1));
    }
    return Optional.of(fields);
  }

  @Override
  public String toString() {
    return text;
  }
}
