package dev.livelog.parser.nginx;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueType;
import dev.livelog.parser.nginx.NginxLogFormat.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses lines of an nginx {@link NginxLogFormat} by scanning, without a regex: each literal
 * must appear where the format puts it, and each variable's value runs up to the next
 * literal (the last literal ends the line). When values are escaped, a quote escaped with a
 * backslash does not end a value, and text values are unescaped ({@link NginxEscape}).
 * Well-known variables are typed and read in place ({@code $status} an integer,
 * {@code $request_time} seconds, {@code $time_local} the event time), and {@code $request}
 * also yields method, path, query and protocol.
 */
public final class NginxLineParser implements LineParser {
  private static final List<String> REQUEST_PARTS = RequestLine.PARTS;

  private final String[] literals;
  private final int[] fieldOfVariable;
  private final ValueType[] types;
  /** Per variable occurrence: whether its value is a per-try list, which may hold blanks. */
  private final boolean[] perTry;
  private final FieldSchema schema;
  private final NginxEscape escape;
  private final boolean escapedQuotes;
  private final int timeField;
  private final int requestField;
  private final int requestPartsAt;
  private final boolean leadingLiteral;

  public NginxLineParser(NginxLogFormat format) {
    List<Segment> segments = format.segments();
    leadingLiteral = !segments.get(0).isVariable();
    escape = format.escaping();
    escapedQuotes = escape != NginxEscape.NONE;
    List<String> names = new ArrayList<>();
    List<String> literalList = new ArrayList<>();
    List<Integer> variableFields = new ArrayList<>();
    for (Segment s : segments) {
      if (!s.isVariable()) {
        literalList.add(s.literal());
        continue;
      }
      int field = names.indexOf(s.variable());
      if (field < 0) {
        field = names.size();
        names.add(s.variable());
      }
      variableFields.add(field);
    }
    int variableCount = names.size();
    requestField = names.indexOf("request");
    requestPartsAt = requestField < 0 ? -1 : names.size();
    if (requestField >= 0) {
      REQUEST_PARTS.stream().filter(p -> !names.contains(p)).forEach(names::add);
    }
    schema = new FieldSchema(names);
    literals = literalList.toArray(String[]::new);
    fieldOfVariable = variableFields.stream().mapToInt(Integer::intValue).toArray();
    perTry = new boolean[fieldOfVariable.length];
    for (int v = 0; v < fieldOfVariable.length; v++) {
      perTry[v] = NginxVariables.isPerTry(names.get(fieldOfVariable[v]));
    }
    types = new ValueType[variableCount];
    int time = -1;
    for (int i = 0; i < variableCount; i++) {
      types[i] = NginxVariables.typeOf(names.get(i));
      if (time < 0 && NginxVariables.isTime(names.get(i))) {
        time = i;
      }
    }
    timeField = time;
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    Object[] values = new Object[schema.size()];
    int pos = 0;
    int literal = 0;
    if (leadingLiteral) {
      pos = expect(line, pos, literals[literal++]);
    }
    for (int v = 0; v < fieldOfVariable.length; v++) {
      int end;
      if (literal < literals.length) {
        end = find(line, pos, literals[literal], literal == literals.length - 1
            && v == fieldOfVariable.length - 1, perTry[v]);
      } else {
        end = line.length();
      }
      int field = fieldOfVariable[v];
      values[field] = convert(field, line, pos, end);
      pos = end;
      if (literal < literals.length) {
        pos += literals[literal++].length();
      }
    }
    if (pos != line.length()) {
      throw new LineRejected("unexpected text after the end of the format", pos);
    }
    if (requestField >= 0 && values[requestField] instanceof String request) {
      RequestLine.split(request, values, requestPartsAt);
    }
    long time = timeField >= 0 && values[timeField] instanceof Instant t
        ? t.toEpochMilli() : LogEvent.NO_TIME;
    return new LogEvent(source, offset, time, schema, values);
  }

  private static int expect(String line, int pos, String literal) throws LineRejected {
    if (!line.startsWith(literal, pos)) {
      throw new LineRejected("expected '" + literal + "'", pos);
    }
    return pos + literal.length();
  }

  /**
   * Where the literal after a value starts; the format's last literal must end the line. A
   * per-try list ({@code 10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80}) does not end at the blanks
   * of its own separators.
   */
  private int find(String line, int from, String literal, boolean last, boolean tries)
      throws LineRejected {
    if (last) {
      int at = line.length() - literal.length();
      if (at < from || !line.startsWith(literal, at)) {
        throw new LineRejected("expected the line to end with '" + literal + "'",
            Math.max(from, Math.min(line.length(), at)));
      }
      return at;
    }
    int at = line.indexOf(literal, from);
    while (escapedQuotes && at > from && literal.charAt(0) == '"' && escaped(line, at)) {
      at = line.indexOf(literal, at + 1);
    }
    while (tries && at > from && literal.charAt(0) == ' ' && inTrySeparator(line, at)) {
      at = line.indexOf(literal, at + 1);
    }
    if (at < 0) {
      throw new LineRejected("expected '" + literal + "'", from);
    }
    return at;
  }

  /** Whether the blank at {@code at} belongs to a {@code ", "} or {@code " : "}. */
  private static boolean inTrySeparator(String line, int at) {
    char before = line.charAt(at - 1);
    return before == ',' || line.startsWith(" : ", at)
        || (before == ':' && at >= 2 && line.charAt(at - 2) == ' ');
  }

  /** Whether the character at {@code at} follows an odd number of backslashes. */
  private static boolean escaped(String line, int at) {
    int slashes = 0;
    for (int i = at - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }

  private Object convert(int field, String line, int start, int end) throws LineRejected {
    if (end == start + 1 && line.charAt(start) == '-') {
      return null;
    }
    ValueType type = types[field];
    if (type == null) {
      return escape.decode(line.substring(start, end));
    }
    try {
      return type.convert(line, start, end);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("$" + schema.name(field) + ": " + e.getMessage(), start);
    }
  }
}
