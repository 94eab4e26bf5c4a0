package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One plot group's values at one tick of a period: a value per series (e.g. HIT 62.5,
 * MISS 20.0), plus how many events the window held and, for each {@code other} series of an
 * analyzer whose {@code by} values were more than its {@code max_series}, how many values it
 * folded ({@code folded}: series name -> keys; empty when nothing was folded).
 */
public record Datapoint(String period, String group, long time, long events,
    Map<String, Double> values, Map<String, Long> folded) {

  public Datapoint {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    folded = folded == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(folded));
  }

  /** A datapoint that folded nothing. */
  public Datapoint(String period, String group, long time, long events, Map<String, Double> values) {
    this(period, group, time, events, values, Map.of());
  }

  /** All keys folded into {@code other} series, over every analyzer of the group. */
  public long foldedKeys() {
    return folded.values().stream().mapToLong(Long::longValue).sum();
  }

  public JsonObject toJson() {
    JsonObject series = new JsonObject();
    values.forEach(series::put);
    JsonObject json = new JsonObject()
        .put("period", period)
        .put("group", group)
        .put("time", time)
        .put("events", events)
        .put("values", series);
    if (!folded.isEmpty()) {
      JsonObject f = new JsonObject();
      folded.forEach(f::put);
      json.put("folded", f);
    }
    return json;
  }

  public static Datapoint fromJson(JsonObject json) {
    Map<String, Double> values = new LinkedHashMap<>();
    JsonObject series = json.getJsonObject("values", new JsonObject());
    for (String key : series.fieldNames()) {
      Number n = series.getNumber(key);
      values.put(key, n == null ? null : n.doubleValue());
    }
    Map<String, Long> folded = new LinkedHashMap<>();
    JsonObject f = json.getJsonObject("folded", new JsonObject());
    for (String key : f.fieldNames()) {
      folded.put(key, f.getLong(key));
    }
    return new Datapoint(json.getString("period"), json.getString("group"),
        json.getLong("time"), json.getLong("events", 0L), values, folded);
  }
}
