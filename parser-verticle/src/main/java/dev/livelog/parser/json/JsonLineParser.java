package dev.livelog.parser.json;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.ValueType;
import dev.livelog.parser.json.JsonPlans.Plan;
import dev.livelog.parser.json.JsonObjectReader.Kind;
import dev.livelog.parser.nginx.RequestLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line, e.g. nginx's {@code escape=json} formats. With a mapping, the
 * event has the mapped fields (field name -> key, dots reaching into nested objects); without
 * one it has every key of the line, nested keys dotted. Values keep their JSON types unless a
 * type is declared; text values of well-known nginx variables ({@code "status": "200"}) are
 * typed as in a log_format, and {@code request} also yields method, path, query and protocol.
 * The event time is the time field, or the first of {@code time_iso8601}, {@code time_local},
 * {@code msec}, {@code @timestamp}, {@code timestamp}.
 */
public final class JsonLineParser implements LineParser {
  private static final List<String> TIME_KEYS = List.of("time_iso8601", "time_local", "msec",
      "@timestamp", "timestamp");

  private final JsonObjectReader reader;
  private final JsonObjectReader.Leaves sink = this::leaf;
  private final JsonPlans plans;
  private final JsonTimes times = new JsonTimes();
  /** The leaves of the line being read: keys, values and what kind of value each is. */
  private String[] keys = new String[16];
  private Object[] values = new Object[16];
  private Kind[] kinds = new Kind[16];
  private int count;

  /**
   * @param mapping field name -> JSON key, in field order; empty for every key
   * @param types declared types by field name
   * @param timeField the field holding the event time, looked for before the well-known ones
   */
  public JsonLineParser(Map<String, String> mapping, Map<String, ValueType> types, String timeField) {
    this(mapping, types, timeField, new JsonReader());
  }

  /** @param reader how the line's JSON is read (the benchmark plugs its peer in here) */
  public JsonLineParser(Map<String, String> mapping, Map<String, ValueType> types, String timeField,
      JsonObjectReader reader) {
    this.reader = reader;
    List<String> timeFields = new ArrayList<>();
    timeFields.add(timeField);
    TIME_KEYS.stream().filter(k -> !k.equals(timeField)).forEach(timeFields::add);
    this.plans = new JsonPlans(mapping, Map.copyOf(types), List.copyOf(timeFields));
  }

  @Override
  public FieldSchema schema() {
    return plans.latest();
  }

  @Override
  public LogEvent parse(String text, String source, long offset) throws LineRejected {
    count = 0;
    reader.read(text, sink);
    Plan plan = plans.forKeys(keys, count);
    Object[] event = new Object[plan.schema().size()];
    for (int i = 0; i < count; i++) {
      int slot = plan.slotOfLeaf()[i];
      if (slot >= 0) {
        event[slot] = typed(plan, slot, kinds[i], values[i]);
      }
    }
    Arrays.fill(values, 0, count, null);
    if (plan.request() >= 0 && event[plan.request()] instanceof String request) {
      RequestLine.split(request, event, plan.requestParts());
    }
    return new LogEvent(source, offset, eventTime(plan, event), plan.schema(), event, text);
  }

  private void leaf(String key, Kind kind, Object value) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      values = Arrays.copyOf(values, count * 2);
      kinds = Arrays.copyOf(kinds, count * 2);
    }
    keys[count] = key;
    values[count] = value;
    kinds[count] = kind;
    count++;
  }

  /**
   * A leaf's value as its field wants it: a declared type converts text and numbers alike; a
   * well-known nginx variable's type converts text; otherwise the JSON value stays.
   */
  private Object typed(Plan plan, int slot, Kind kind, Object raw) throws LineRejected {
    boolean number = kind == Kind.WHOLE || kind == Kind.NUMBER;
    ValueType type = kind == Kind.STRING ? plan.textType()[slot]
        : number ? plan.declaredType()[slot] : null;
    if (type == null) {
      return number ? JsonNumbers.value((String) raw, kind == Kind.WHOLE, -1) : raw;
    }
    String text = (String) raw;
    if (text.equals("-")) {
      return null;
    }
    try {
      return type.convert(text);
    } catch (IllegalArgumentException e) {
      throw new LineRejected("field '" + plan.schema().name(slot) + "': " + e.getMessage(), -1);
    }
  }

  private long eventTime(Plan plan, Object[] event) {
    for (int slot : plan.timeSlots()) {
      if (event[slot] != null) {
        Instant t = times.instant(event[slot]);
        if (t != null) {
          event[slot] = t;
          return t.toEpochMilli();
        }
      }
    }
    return LogEvent.NO_TIME;
  }
}
