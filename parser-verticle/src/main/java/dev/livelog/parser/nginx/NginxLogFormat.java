package dev.livelog.parser.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * An nginx {@code log_format} as pasted from nginx.conf: the whole directive
 * ({@code log_format main escape=json '$remote_addr - ...' '...';}) or just its strings.
 * Parsed into alternating literal text and variables ({@code $name} or {@code ${name}}).
 */
public final class NginxLogFormat {
  /** A piece of the format: literal text, or a variable whose value fills the gap. */
  public record Segment(String literal, String variable) {
    public boolean isVariable() {
      return variable != null;
    }
  }

  private final List<Segment> segments;
  private final String escape;

  private NginxLogFormat(List<Segment> segments, String escape) {
    this.segments = List.copyOf(segments);
    this.escape = escape;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** {@code default}, {@code json} or {@code none}, as nginx's {@code escape=} parameter. */
  public String escape() {
    return escape;
  }

  /** How the values were escaped, to read them back. */
  public NginxEscape escaping() {
    return NginxEscape.named(escape);
  }

  /**
   * @throws IllegalArgumentException with the reason when the text is not a usable log_format
   */
  public static NginxLogFormat parse(String text) {
    String body = text.strip();
    String escape = "default";
    if (body.startsWith("log_format")) {
      String[] words = body.split("\\s+", 4);
      int next = 2;
      if (words.length > 2 && words[2].startsWith("escape=")) {
        escape = words[2].substring("escape=".length());
        next = 3;
      }
      body = body.substring(indexOfWord(body, next)).strip();
    } else if (body.startsWith("escape=")) {
      int space = body.indexOf(' ');
      escape = body.substring("escape=".length(), space < 0 ? body.length() : space);
      body = space < 0 ? "" : body.substring(space + 1).strip();
    }
    NginxEscape.named(escape); // refuses an unknown escape
    String format = unquote(body);
    List<Segment> segments = segments(format);
    if (segments.stream().noneMatch(Segment::isVariable)) {
      throw new IllegalArgumentException("the log_format has no $variables, so it yields no fields");
    }
    return new NginxLogFormat(segments, escape);
  }

  private static int indexOfWord(String text, int word) {
    int i = 0;
    for (int w = 0; w < word; w++) {
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /** Concatenates nginx's quoted strings ('...' "..."), dropping the final ';'. */
  private static String unquote(String body) {
    String b = body.endsWith(";") ? body.substring(0, body.length() - 1).strip() : body;
    if (b.isEmpty() || (b.charAt(0) != '\'' && b.charAt(0) != '"')) {
      return b;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < b.length()) {
      char q = b.charAt(i);
      if (Character.isWhitespace(q)) {
        i++;
        continue;
      }
      if (q != '\'' && q != '"') {
        throw new IllegalArgumentException("expected a quoted string at character " + i
            + " of the log_format, found '" + q + "'");
      }
      int j = i + 1;
      while (j < b.length() && b.charAt(j) != q) {
        if (b.charAt(j) == '\\' && j + 1 < b.length()) {
          j++;
        }
        out.append(b.charAt(j));
        j++;
      }
      if (j >= b.length()) {
        throw new IllegalArgumentException("unclosed quote starting at character " + i);
      }
      i = j + 1;
    }
    return out.toString();
  }

  private static List<Segment> segments(String format) {
    List<Segment> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      int start = i + 1;
      boolean braced = start < format.length() && format.charAt(start) == '{';
      int nameStart = braced ? start + 1 : start;
      int end = nameStart;
      while (end < format.length() && isNameChar(format.charAt(end))) {
        end++;
      }
      if (end == nameStart || (braced && (end >= format.length() || format.charAt(end) != '}'))) {
        throw new IllegalArgumentException("invalid variable at character " + i + " of the log_format");
      }
      if (literal.length() > 0) {
        out.add(new Segment(literal.toString(), null));
        literal.setLength(0);
      } else if (!out.isEmpty() && out.get(out.size() - 1).isVariable()) {
        throw new IllegalArgumentException("$" + out.get(out.size() - 1).variable() + " and $"
            + format.substring(nameStart, end) + " are not separated by any text, so a line"
            + " cannot tell where one ends");
      }
      out.add(new Segment(null, format.substring(nameStart, end)));
      i = braced ? end + 1 : end;
    }
    if (literal.length() > 0) {
      out.add(new Segment(literal.toString(), null));
    }
    return out;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
