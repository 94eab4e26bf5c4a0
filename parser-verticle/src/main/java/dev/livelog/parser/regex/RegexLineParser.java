package dev.livelog.parser.regex;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A format given as a regex with named groups: each group is a field, converted by its
 * declared type. Like the seed's Python parser, the regex is searched for anywhere in the line
 * ({@code re.search}); anchor it with {@code ^} to require a match at the start. The regex
 * runs on a {@link RegexScanner} when it can, with the same results as
 * {@code java.util.regex}, which runs the rest.
 */
public final class RegexLineParser implements LineParser {
  private final NamedGroupRegex regex;
  private final FieldSchema schema;
  private final int[] groups;
  private final ValueType[] types;
  private final int timeIndex;
  private final GroupMatcher matcher;
  private final boolean scanned;
  private final boolean scanTried;
  private RegexFailurePoint failurePoint;

  /**
   * @param types a type per field name; fields without one stay text
   * @param timeField the field holding the event time, when it has a time type
   */
  public RegexLineParser(NamedGroupRegex regex, Map<String, ValueType> types, String timeField) {
    this(regex, types, timeField, true);
  }

  /** @param scan whether to use the scanner when the regex allows (false: java.util.regex only) */
  public RegexLineParser(NamedGroupRegex regex, Map<String, ValueType> types, String timeField,
      boolean scan) {
    this.regex = regex;
    List<String> fields = regex.fields();
    this.schema = new FieldSchema(fields);
    this.groups = new int[fields.size()];
    this.types = new ValueType[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      groups[i] = regex.groupNumber(fields.get(i));
      this.types[i] = types.get(fields.get(i));
    }
    this.timeIndex = fields.indexOf(timeField);
    boolean numbered = groups.length == 0 || groups[0] >= 0;
    if (!numbered) {
      java.util.Arrays.setAll(groups, i -> i); // the named matcher looks fields up by index
    }
    this.matcher = !numbered ? new NamedJavaRegexMatcher(regex)
        : scan ? regex.newMatcher() : regex.newJavaMatcher();
    this.scanned = matcher instanceof RegexScanner;
    this.scanTried = scan;
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  /** Whether the regex runs on the scanner rather than java.util.regex. */
  public boolean scanned() {
    return scanned;
  }

  @Override
  public Optional<String> regexEngine() {
    if (matcher instanceof NamedJavaRegexMatcher) {
      return Optional.of("java.util.regex: its groups could not be numbered for the scanner");
    }
    return Optional.of(scanTried ? regex.engine()
        : "java.util.regex (asked for, the scanner not tried)");
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    if (!find(line)) {
      throw rejection(line);
    }
    Object[] values = new Object[groups.length];
    for (int i = 0; i < values.length; i++) {
      int start = matcher.start(groups[i]);
      int end = matcher.end(groups[i]);
      if (start < 0 || (end == start + 1 && line.charAt(start) == '-')) {
        continue;
      }
      values[i] = convert(i, line, start, end);
    }
    long time = timeIndex >= 0 && values[timeIndex] instanceof Instant t
        ? t.toEpochMilli() : LogEvent.NO_TIME;
    return new LogEvent(source, offset, time, schema, values, line);
  }

  private boolean find(String line) throws LineRejected {
    try {
      return matcher.find(line);
    } catch (StackOverflowError e) {
      throw new LineRejected("the regex backtracks too deeply on this line (" + line.length()
          + " characters); avoid repeating groups such as (a|b)*", -1);
    }
  }

  private LineRejected rejection(String line) {
    if (failurePoint == null) {
      failurePoint = new RegexFailurePoint(regex.source());
    }
    RegexFailurePoint.Failure f = failurePoint.locate(line);
    if (f == null) {
      return new LineRejected("does not match the format's regex", -1);
    }
    return new LineRejected("does not match the format's regex: " + f.describe(), f.position());
  }

  private Object convert(int i, String line, int start, int end) throws LineRejected {
    if (types[i] == null) {
      return line.substring(start, end);
    }
    try {
      return types[i].convert(line, start, end);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("field '" + schema.name(i) + "': " + e.getMessage(), start);
    }
  }

  /** The regex this parser matches, for error output. */
  public String pattern() {
    return regex.pattern().pattern();
  }

  /** java.util.regex by group name, for the rare regex whose groups could not be numbered. */
  private static final class NamedJavaRegexMatcher implements GroupMatcher {
    private final Matcher matcher;
    private final String[] names;

    NamedJavaRegexMatcher(NamedGroupRegex regex) {
      this.matcher = regex.pattern().matcher("");
      List<String> fields = regex.fields();
      this.names = new String[fields.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = regex.javaGroup(fields.get(i));
      }
    }

    @Override
    public boolean find(String line) {
      return matcher.reset(line).find();
    }

    @Override
    public int start(int field) {
      return matcher.start(names[field]);
    }

    @Override
    public int end(int field) {
      return matcher.end(names[field]);
    }
  }
}
