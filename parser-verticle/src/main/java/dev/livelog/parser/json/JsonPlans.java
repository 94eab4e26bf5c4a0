package dev.livelog.parser.json;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.parser.ValueType;
import dev.livelog.parser.nginx.NginxVariables;
import dev.livelog.parser.nginx.RequestLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the leaves of a JSON line become an event, worked out once per sequence of keys: the
 * schema, which slot each leaf fills and each slot's type. A log's lines nearly always repeat
 * the previous line's keys, checked by identity of the cached key strings, so a line costs no
 * lookups by name; other key sequences are remembered too, up to a bound.
 */
final class JsonPlans {
  private static final int REMEMBERED = 64;

  /** What to do with the leaves of a line with these keys. */
  record Plan(FieldSchema schema, int[] slotOfLeaf, ValueType[] declaredType,
      ValueType[] textType, int request, int requestParts, int[] timeSlots) {}

  private final List<String> mappedFields;
  private final Map<String, String> fieldByKey = new HashMap<>();
  private final Map<String, ValueType> declared;
  private final List<String> timeFields;
  private final Map<String, Plan> byKeys = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
      return size() > REMEMBERED;
    }
  };
  private String[] lastKeys = new String[0];
  private Plan last;

  /**
   * @param mapping field name -> JSON key, or empty for every key
   * @param declared declared types by field name
   * @param timeFields the fields that may hold the event time, in order of preference
   */
  JsonPlans(Map<String, String> mapping, Map<String, ValueType> declared, List<String> timeFields) {
    this.mappedFields = List.copyOf(mapping.keySet());
    mapping.forEach((field, key) -> fieldByKey.put(key, field));
    this.declared = declared;
    this.timeFields = timeFields;
    this.last = plan(new String[0], 0);
  }

  /** The schema of the latest line (under a mapping: the mapped fields). */
  FieldSchema latest() {
    return last.schema();
  }

  /** The plan for a line's keys. */
  Plan forKeys(String[] keys, int count) {
    if (count == lastKeys.length && sameKeys(keys, count)) {
      return last;
    }
    String signature = String.join("\u0000", Arrays.asList(keys).subList(0, count));
    last = byKeys.computeIfAbsent(signature, s -> plan(keys, count));
    lastKeys = Arrays.copyOf(keys, count);
    return last;
  }

  private boolean sameKeys(String[] keys, int count) {
    for (int i = 0; i < count; i++) {
      if (keys[i] != lastKeys[i] && !keys[i].equals(lastKeys[i])) {
        return false;
      }
    }
    return true;
  }

  private Plan plan(String[] keys, int count) {
    Set<String> names = new LinkedHashSet<>(mappedFields);
    if (mappedFields.isEmpty()) {
      names.addAll(Arrays.asList(keys).subList(0, count));
    }
    List<String> all = new ArrayList<>(names);
    if (all.contains("request") && RequestLine.PARTS.stream().noneMatch(all::contains)) {
      all.addAll(RequestLine.PARTS);
    }
    FieldSchema schema = new FieldSchema(all);
    int[] slots = new int[count];
    for (int i = 0; i < count; i++) {
      String field = fieldByKey.isEmpty() ? keys[i] : fieldByKey.get(keys[i]);
      slots[i] = field == null ? -1 : schema.indexOf(field);
    }
    ValueType[] declaredType = new ValueType[all.size()];
    ValueType[] textType = new ValueType[all.size()];
    for (int s = 0; s < all.size(); s++) {
      declaredType[s] = declared.get(all.get(s));
      textType[s] = declaredType[s] != null ? declaredType[s] : NginxVariables.typeOf(all.get(s));
    }
    int request = schema.indexOf("request");
    int parts = schema.indexOf("method");
    int[] timeSlots = timeFields.stream().mapToInt(schema::indexOf).filter(i -> i >= 0).toArray();
    return new Plan(schema, slots, declaredType, textType, parts > request ? request : -1, parts,
        timeSlots);
  }
}
