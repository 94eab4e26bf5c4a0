package dev.livelog.common.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed log line: its event time, where it came from (source id and the byte offset of
 * the line in its file), typed field values laid out by a {@link FieldSchema}, and the line
 * itself as the source read it (the parser's input, shared, not copied: the drill-down shows
 * it and the stores keep it).
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link java.time.Instant}, or a {@link java.util.List} of those; {@code null} means absent
 * (nginx writes {@code -}).
 */
public final class LogEvent {
  /** Event time of a line whose format has no time field: the time it was read. */
  public static final long NO_TIME = Long.MIN_VALUE;
  /**
   * The field a parser sets to {@code true} on an event whose line was cut short (its last
   * quoted value has no closing quote): the fields it has are kept, the rest are absent.
   */
  public static final String TRUNCATED = "truncated";

  private final String source;
  private final long offset;
  private final long time;
  private final FieldSchema schema;
  private final Object[] values;
  private final String line;

  /** An event without its line (read back from a store that did not keep it, or in tests). */
  public LogEvent(String source, long offset, long time, FieldSchema schema, Object[] values) {
    this(source, offset, time, schema, values, null);
  }

  /** @param line the line it was parsed from, or null when not known */
  public LogEvent(String source, long offset, long time, FieldSchema schema, Object[] values,
      String line) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(
          "schema has " + schema.size() + " fields, got " + values.length + " values");
    }
    this.source = source;
    this.offset = offset;
    this.time = time;
    this.schema = schema;
    this.values = values;
    this.line = line;
  }

  /** The same event at another time (values are never changed, so they are shared). */
  public LogEvent withTime(long newTime) {
    return new LogEvent(source, offset, newTime, schema, values, line);
  }

  /** The same event with the line it was parsed from. */
  public LogEvent withLine(String original) {
    return new LogEvent(source, offset, time, schema, values, original);
  }

  public String source() {
    return source;
  }

  public long offset() {
    return offset;
  }

  /** Event time in epoch milliseconds. */
  public long time() {
    return time;
  }

  public FieldSchema schema() {
    return schema;
  }

  /** The line this event was parsed from, as its source read it; null when not known. */
  public String line() {
    return line;
  }

  public Object value(int index) {
    return values[index];
  }

  /** The named field's value, or null when absent or not in this event's schema. */
  public Object get(String field) {
    int i = schema.indexOf(field);
    return i < 0 ? null : values[i];
  }

  /** The present fields by name, in schema order. */
  public Map<String, Object> fields() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(schema.name(i), values[i]);
      }
    }
    return map;
  }

  @Override
  public String toString() {
    return "LogEvent{" + source + "@" + offset + ", time=" + time + ", " + fields() + "}";
  }
}
