package dev.livelog.common.event;

import java.util.List;

/**
 * A field looked up by name, remembering its position for the last schema seen: the hot path
 * of filters and metrics pays one identity comparison per event instead of a hash lookup.
 * Not thread-safe; each analyzer thread holds its own refs.
 */
public final class FieldRef {
  /** Pseudo-field: the id of the source the line came from. */
  public static final String SOURCE = "source";

  private final String name;
  private FieldSchema lastSchema;
  private int lastIndex = -1;

  public FieldRef(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Object get(LogEvent event) {
    FieldSchema schema = event.schema();
    if (schema != lastSchema) {
      lastIndex = schema.indexOf(name);
      lastSchema = schema;
    }
    if (lastIndex >= 0) {
      return event.value(lastIndex);
    }
    return SOURCE.equals(name) ? event.source() : null;
  }

  /** The value as a number, or NaN when absent or not numeric; a list counts as its total. */
  public double number(LogEvent event) {
    return FieldValues.toDouble(get(event));
  }

  /**
   * The value at try {@code attempt} (from 0) of a request whose upstream fields list one entry
   * per server tried (nginx's {@code $upstream_response_time}): a list's entry, NaN past its end
   * or for a {@code -}; a single value is the request's own ({@code $request_time}), the same
   * for every try.
   */
  public double numberAt(LogEvent event, int attempt) {
    Object value = get(event);
    if (value instanceof List<?> tries) {
      return attempt < tries.size() ? FieldValues.toDouble(tries.get(attempt)) : Double.NaN;
    }
    return FieldValues.toDouble(value);
  }

  /** How many tries the value lists: a list's entries, 1 for a single value, 0 when absent. */
  public int tries(LogEvent event) {
    return FieldValues.tries(get(event));
  }
}
