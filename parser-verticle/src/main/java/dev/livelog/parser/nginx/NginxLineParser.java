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
 * literal (the last literal ends the line); when that split leaves a rest that does not fit,
 * the next occurrence of the literal is tried (an IPv6 {@code $host} before {@code :$server_port}).
 * A line cut short inside its last quoted value keeps the fields it has and is flagged
 * {@code truncated}. When values are escaped, a quote escaped with a
 * backslash does not end a value, and text values are unescaped ({@link NginxEscape}).
 * Well-known variables are typed and read in place ({@code $status} an integer,
 * {@code $request_time} seconds, {@code $time_local} the event time), and {@code $request}
 * also yields method, path, query and protocol.
 */
public final class NginxLineParser implements LineParser {
  private static final List<String> REQUEST_PARTS = RequestLine.PARTS;
  /** Bounds the search for a split on lines that fit no split at all. */
  private static final int MAX_TRIES = 1_000;

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
  /** The last variable quoted on both sides, which a line cut short may end in; -1 if none. */
  private final int lastQuoted;
  private final int truncatedField;
  // Per line (a parser is used by one thread): where each value starts and ends, and the
  // first reason the line did not fit.
  /** The literal after each variable occurrence, empty after the last when the format ends with it. */
  private final String[] after;
  private final int lastVariable;
  private final int[] starts;
  private final int[] ends;
  private LineRejected failure;

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
    lastQuoted = lastQuoted(segments);
    truncatedField = lastQuoted < 0 ? -1 : names.size();
    if (lastQuoted >= 0) {
      names.add(LogEvent.TRUNCATED);
    }
    schema = new FieldSchema(names);
    literals = literalList.toArray(String[]::new);
    fieldOfVariable = variableFields.stream().mapToInt(Integer::intValue).toArray();
    perTry = new boolean[fieldOfVariable.length];
    for (int v = 0; v < fieldOfVariable.length; v++) {
      perTry[v] = NginxVariables.isPerTry(names.get(fieldOfVariable[v]));
    }
    starts = new int[fieldOfVariable.length];
    ends = new int[fieldOfVariable.length];
    lastVariable = fieldOfVariable.length - 1;
    after = new String[fieldOfVariable.length];
    for (int v = 0; v < after.length; v++) {
      int literal = v + (leadingLiteral ? 1 : 0);
      after[v] = literal < literals.length ? literals[literal] : "";
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

  /** The index (among variable occurrences) of the last one between two quotes, or -1. */
  private static int lastQuoted(List<Segment> segments) {
    int found = -1;
    int v = 0;
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).isVariable()) {
        continue;
      }
      boolean opened = i > 0 && segments.get(i - 1).literal().endsWith("\"");
      boolean closed = i + 1 < segments.size() && segments.get(i + 1).literal().startsWith("\"");
      if (opened && closed) {
        found = v;
      }
      v++;
    }
    return found;
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    Object[] values = new Object[schema.size()];
    int pos = leadingLiteral ? expect(line, 0, literals[0]) : 0;
    if (!scan(line, pos, values)) {
      throw failure != null ? failure : new LineRejected("no split of the line fits the format", pos);
    }
    if (requestField >= 0 && values[requestField] instanceof String request) {
      RequestLine.split(request, values, requestPartsAt);
    }
    long time = timeField >= 0 && values[timeField] instanceof Instant t
        ? t.toEpochMilli() : LogEvent.NO_TIME;
    return new LogEvent(source, offset, time, schema, values, line);
  }

  private static int expect(String line, int pos, String literal) throws LineRejected {
    if (!line.startsWith(literal, pos)) {
      throw new LineRejected("expected '" + literal + "'", pos);
    }
    return pos + literal.length();
  }

  /**
   * Reads every value from {@code pos}. A value ends at the first place the literal after it
   * occurs: the common path is one search per value, straight through. Only when the rest of
   * the line then does not fit (a number that is not one, a literal missing, text left over)
   * is the next place tried, last value first, so a value that holds its separator
   * ({@code $host:$server_port} with an IPv6 host) still splits where the rest matches. At most
   * {@link #MAX_TRIES} places are tried per line.
   *
   * @return whether the line fits; if not, {@link #failure} says where it first did not
   */
  private boolean scan(String line, int pos, Object[] values) {
    failure = null;
    int tries = MAX_TRIES;
    int v = 0;
    starts[0] = pos;
    int retryAfter = -1; // where the value being read last ended; -1 on its first reading
    while (v >= 0) {
      if (v > lastVariable) {
        return true;
      }
      int end = tries-- > 0 ? end(v, line, starts[v], retryAfter) : -1;
      if (end < 0) {
        if (retryAfter < 0 && truncated(v, line, starts[v], values)) {
          return true;
        }
        v--; // no (other) place for this value: try the previous one's next place
        retryAfter = v < 0 ? -1 : ends[v];
      } else if (value(v, line, starts[v], end, values)) {
        ends[v] = end;
        if (++v <= lastVariable) {
          starts[v] = end + after[v - 1].length();
        }
        retryAfter = -1;
      } else {
        retryAfter = end;
      }
    }
    return false;
  }

  /**
   * Where variable {@code v}'s value, starting at {@code start}, ends: at the first place its
   * literal occurs, or after {@code retryAfter} when it is read again; -1 when there is none.
   * The last value runs to the end of the line, or to the format's last literal, which must
   * end the line.
   */
  private int end(int v, String line, int start, int retryAfter) {
    String literal = after[v];
    if (v == lastVariable) {
      int at = line.length() - literal.length();
      if (retryAfter < 0 && at >= start && line.startsWith(literal, at)) {
        return at;
      }
      if (retryAfter < 0) {
        failed("expected the line to end with '" + literal + "'", Math.max(start, Math.min(line.length(), at)));
      }
      return -1;
    }
    int at = next(line, retryAfter < 0 ? start : retryAfter + 1, literal, perTry[v]);
    if (at < 0 && retryAfter < 0) {
      failed("expected '" + literal + "'", start);
    }
    return at;
  }

  /**
   * The next place {@code literal} occurs from {@code from}, -1 if none: not at an escaped
   * quote, nor, after a per-try list ({@code 10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80}), at the
   * blanks of its own separators.
   */
  private int next(String line, int from, String literal, boolean perTryList) {
    int at = line.indexOf(literal, from);
    while (at > from && ((escapedQuotes && literal.charAt(0) == '"' && escaped(line, at))
        || (perTryList && literal.charAt(0) == ' ' && inTrySeparator(line, at)))) {
      at = line.indexOf(literal, at + 1);
    }
    return at;
  }

  /** Whether the blank at {@code at} belongs to a {@code ", "} or {@code " : "}. */
  private static boolean inTrySeparator(String line, int at) {
    char before = line.charAt(at - 1);
    return before == ',' || line.startsWith(" : ", at)
        || (before == ':' && at >= 2 && line.charAt(at - 2) == ' ');
  }

  /**
   * A line cut short inside the format's last quoted value (a user agent cut when it was
   * written): when no quote closes it, the value is the rest of the line, the variables after
   * it are absent, and the event says {@code truncated: true}, as GoAccess counts such lines.
   */
  private boolean truncated(int v, String line, int pos, Object[] values) {
    if (v != lastQuoted || next(line, pos, "\"", false) >= 0 || !value(v, line, pos, line.length(), values)) {
      return false;
    }
    for (int later = v + 1; later < fieldOfVariable.length; later++) {
      values[fieldOfVariable[later]] = null; // a split tried before may have set them
    }
    values[truncatedField] = Boolean.TRUE;
    return true;
  }

  /** Converts {@code line[start, end)} into variable {@code v}'s field; false if it is not of its type. */
  private boolean value(int v, String line, int start, int end, Object[] values) {
    int field = fieldOfVariable[v];
    try {
      values[field] = convert(field, line, start, end);
      return true;
    } catch (LineRejected e) {
      return failed(e);
    }
  }

  /** Keeps the first reason the line did not fit: the one its common-path reading met. */
  private boolean failed(String reason, int position) {
    if (failure == null) {
      failure = new LineRejected(reason, position);
    }
    return false;
  }

  private boolean failed(LineRejected e) {
    if (failure == null) {
      failure = e;
    }
    return false;
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
