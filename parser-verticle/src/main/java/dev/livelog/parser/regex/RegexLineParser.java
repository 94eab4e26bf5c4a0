package dev.livelog.parser.regex;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A format given as a regex with named groups: each group is a field, converted by its
 * declared type. Like the seed's Python parser, the regex is searched for anywhere in the line
 * ({@code re.search}); anchor it with {@code ^} to require a match at the start.
 */
public final class RegexLineParser implements LineParser {
  private final NamedGroupRegex regex;
  private final FieldSchema schema;
  private final String[] groupNames;
  private final ValueType[] types;
  private final int timeIndex;
  private final Matcher matcher;

  /**
   * @param types a type per field name; fields without one stay text
   * @param timeField the field holding the event time, when it has a time type
   */
  public RegexLineParser(NamedGroupRegex regex, Map<String, ValueType> types, String timeField) {
    this.regex = regex;
    List<String> fields = regex.fields();
    this.schema = new FieldSchema(fields);
    this.groupNames = new String[fields.size()];
    this.types = new ValueType[fields.size()];
    this.matcher = regex.pattern().matcher("");
    for (int i = 0; i < fields.size(); i++) {
      groupNames[i] = regex.javaGroup(fields.get(i));
      this.types[i] = types.get(fields.get(i));
    }
    this.timeIndex = fields.indexOf(timeField);
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    matcher.reset(line);
    if (!matcher.find()) {
      throw new LineRejected("does not match the format's regex", -1);
    }
    Object[] values = new Object[groupNames.length];
    for (int i = 0; i < values.length; i++) {
      String raw = matcher.group(groupNames[i]);
      if (raw == null || raw.equals("-")) {
        continue;
      }
      values[i] = convert(i, raw);
    }
    long time = timeIndex >= 0 && values[timeIndex] instanceof Instant t
        ? t.toEpochMilli() : LogEvent.NO_TIME;
    return new LogEvent(source, offset, time, schema, values);
  }

  private Object convert(int i, String raw) throws LineRejected {
    if (types[i] == null) {
      return raw;
    }
    try {
      return types[i].convert(raw);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("field '" + schema.name(i) + "': " + e.getMessage(),
          matcher.start(groupNames[i]));
    }
  }

  /** The regex this parser matches, for error output. */
  public String pattern() {
    return regex.pattern().pattern();
  }
}
