package dev.livelog.common.event;

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
}
