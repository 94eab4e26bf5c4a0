package dev.livelog.common.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered field names a format produces. Events of one format share one schema, so an
 * event is a compact value array and a batch names its fields once.
 */
public final class FieldSchema {
  private final String[] names;
  private final Map<String, Integer> index;

  public FieldSchema(List<String> names) {
    this.names = names.toArray(String[]::new);
    this.index = new HashMap<>(names.size() * 2);
    for (int i = 0; i < this.names.length; i++) {
      if (index.putIfAbsent(this.names[i], i) != null) {
        throw new IllegalArgumentException("duplicate field name: " + this.names[i]);
      }
    }
  }

  public static FieldSchema of(String... names) {
    return new FieldSchema(List.of(names));
  }

  /** Position of a field, or -1 when this schema does not have it. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public List<String> names() {
    return List.of(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSchema other && Arrays.equals(names, other.names);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names);
  }

  @Override
  public String toString() {
    return Arrays.toString(names);
  }
}
