package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One plot group's values at one tick of a period: a value per series (e.g. HIT 62.5,
 * MISS 20.0), plus how many events the window held.
 */
public record Datapoint(String period, String group, long time, long events,
    Map<String, Double> values) {

  public Datapoint {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public JsonObject toJson() {
    JsonObject series = new JsonObject();
    values.forEach(series::put);
    return new JsonObject()
        .put("period", period)
        .put("group", group)
        .put("time", time)
        .put("events", events)
        .put("values", series);
  }

  public static Datapoint fromJson(JsonObject json) {
    Map<String, Double> values = new LinkedHashMap<>();
    JsonObject series = json.getJsonObject("values", new JsonObject());
    for (String key : series.fieldNames()) {
      Number n = series.getNumber(key);
      values.put(key, n == null ? null : n.doubleValue());
    }
    return new Datapoint(json.getString("period"), json.getString("group"),
        json.getLong("time"), json.getLong("events", 0L), values);
  }
}
