package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;

/**
 * What livelog told receivers of one alert, kept in the store by the alert's fingerprint (the
 * hash of its labels), so that neither a restart nor another node taking over the rule's
 * lease tells them twice. {@code body} is the alert module's own JSON (the alert as last
 * notified, and the state each receiver got); the store keeps it as it is.
 */
public record AlertRecord(String fingerprint, String rule, long updatedAt, JsonObject body) {

  public JsonObject toJson() {
    return new JsonObject().put("fingerprint", fingerprint).put("rule", rule)
        .put("updatedAt", updatedAt).put("body", body);
  }

  public static AlertRecord fromJson(JsonObject json) {
    return new AlertRecord(json.getString("fingerprint"), json.getString("rule"),
        json.getLong("updatedAt", 0L), json.getJsonObject("body", new JsonObject()));
  }
}
