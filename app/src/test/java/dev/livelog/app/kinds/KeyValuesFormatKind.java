package dev.livelog.app.kinds;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueType;
import dev.livelog.parser.ValueTypes;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A format kind that only the tests register (their {@code META-INF/services}), written as a
 * plugin would: {@code key_values: [status, path]} takes those keys from lines of
 * {@code key=value} pairs, split at {@code separator} (default a space).
 */
public final class KeyValuesFormatKind implements FormatKind {
  @Override
  public String name() {
    return "key_values";
  }

  @Override
  public Set<String> otherKeys() {
    return Set.of("separator");
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    if (!(format.settings().get("key_values") instanceof List<?> keys) || keys.isEmpty()) {
      throw new ConfigException("key_values", "list the keys to take, e.g. key_values: [status, path]");
    }
    List<String> fields = keys.stream().map(String::valueOf).toList();
    String separator = format.settings().containsKey("separator") ? format.text("separator") : " ";
    if (separator.isEmpty()) {
      throw new ConfigException("separator", "must not be empty");
    }
    Map<String, ValueType> types = ValueTypes.declared(format.types(), new LinkedHashSet<>(fields));
    return new Parser(new FieldSchema(fields), types, separator, format.timeField());
  }

  @Override
  public String definition(FormatConfig format) {
    return "key_values: " + format.settings().get("key_values");
  }

  /** Reads the pairs of one line into the fields, typed. */
  private static final class Parser implements LineParser {
    private final FieldSchema schema;
    private final Map<String, ValueType> types;
    private final String separator;
    private final int timeIndex;

    Parser(FieldSchema schema, Map<String, ValueType> types, String separator, String timeField) {
      this.schema = schema;
      this.types = types;
      this.separator = separator;
      this.timeIndex = schema.indexOf(timeField);
    }

    @Override
    public FieldSchema schema() {
      return schema;
    }

    @Override
    public LogEvent parse(String line, String source, long offset) throws LineRejected {
      Object[] values = new Object[schema.size()];
      boolean any = false;
      for (String pair : line.split(java.util.regex.Pattern.quote(separator))) {
        int eq = pair.indexOf('=');
        int slot = eq < 0 ? -1 : schema.indexOf(pair.substring(0, eq));
        any |= eq > 0;
        if (slot >= 0) {
          values[slot] = typed(schema.name(slot), pair.substring(eq + 1), line.indexOf(pair));
        }
      }
      if (!any) {
        throw new LineRejected("no key=value pair in the line", 0);
      }
      long time = timeIndex >= 0 && values[timeIndex] instanceof Instant t
          ? t.toEpochMilli() : LogEvent.NO_TIME;
      return new LogEvent(source, offset, time, schema, values);
    }

    private Object typed(String field, String raw, int at) throws LineRejected {
      ValueType type = types.get(field);
      try {
        return type == null ? raw : type.convert(raw);
      } catch (IllegalArgumentException e) {
        throw new LineRejected("field '" + field + "': " + e.getMessage(), at);
      }
    }
  }
}
