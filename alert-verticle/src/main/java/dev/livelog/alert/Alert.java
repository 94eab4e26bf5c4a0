package dev.livelog.alert;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert as it is shown, sent and kept: its rule, labels (which identify it; the
 * fingerprint is their hash), annotations, state, the value it is judged on, and when it
 * became active, fired and resolved (epoch ms, -1 for not yet).
 */
public record Alert(String rule, AlertState state, Map<String, String> labels,
    Map<String, String> annotations, Double value, String valueText, long activeAt,
    long startsAt, long endsAt) {

  public Alert {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /**
   * The labels' hash as Alertmanager computes it (64-bit FNV-1a over the sorted names and
   * values, each followed by a 0xff byte), in 16 hex digits: the same labels, the same alert.
   */
  public String fingerprint() {
    long hash = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      hash = add(add(hash, label.getKey()), label.getValue());
    }
    return String.format("%016x", hash);
  }

  private static long add(long hash, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= 0xff;
    return hash * 0x100000001b3L;
  }

  /** The rule and what it is about, for logs: {@code errors [5xx]}, {@code silent [web]}. */
  public String describe() {
    String key = labels.getOrDefault("series", labels.get("source"));
    return rule + (key == null ? "" : " [" + key + "]");
  }

  public Alert withState(AlertState newState) {
    return new Alert(rule, newState, labels, annotations, value, valueText, activeAt, startsAt, endsAt);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("rule", rule)
        .put("fingerprint", fingerprint())
        .put("state", state.label())
        .put("labels", new JsonObject(new LinkedHashMap<>(labels)))
        .put("annotations", new JsonObject(new LinkedHashMap<>(annotations)))
        .put("value", value)
        .put("valueText", valueText)
        .put("activeAt", activeAt);
    if (startsAt >= 0) {
      json.put("startsAt", startsAt);
    }
    if (endsAt >= 0) {
      json.put("endsAt", endsAt);
    }
    return json;
  }

  public static Alert fromJson(JsonObject json) {
    Map<String, String> labels = new TreeMap<>();
    json.getJsonObject("labels", new JsonObject()).forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    Map<String, String> annotations = new LinkedHashMap<>();
    json.getJsonObject("annotations", new JsonObject())
        .forEach(e -> annotations.put(e.getKey(), String.valueOf(e.getValue())));
    Number value = json.getNumber("value");
    return new Alert(json.getString("rule"), AlertState.of(json.getString("state")), labels,
        annotations, value == null ? null : value.doubleValue(), json.getString("valueText"),
        json.getLong("activeAt", -1L), json.getLong("startsAt", -1L), json.getLong("endsAt", -1L));
  }
}
