package dev.livelog.store.mongo;

import dev.livelog.common.bus.Datapoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Datapoints as MongoDB documents, one per period, group and time (that triple is the id). */
final class DatapointDocuments {
  private DatapointDocuments() {}

  static String id(Datapoint point) {
    // A JSON array cannot be ambiguous, whatever characters a group name holds.
    return new JsonArray().add(point.period()).add(point.group()).add(point.time()).encode();
  }

  static JsonObject toDocument(Datapoint point) {
    JsonObject values = new JsonObject();
    point.values().forEach((name, value) -> values.put(MongoKeys.escape(name), value));
    JsonObject folded = new JsonObject();
    point.folded().forEach((name, keys) -> folded.put(MongoKeys.escape(name), keys));
    JsonObject document = new JsonObject()
        .put("_id", id(point))
        .put("period", point.period())
        .put("group", point.group())
        .put("time", MongoValues.date(point.time()))
        .put("events", point.events())
        .put("values", values);
    return folded.isEmpty() ? document : document.put("folded", folded);
  }

  static Datapoint toDatapoint(JsonObject document) {
    JsonObject values = document.getJsonObject("values", new JsonObject());
    Map<String, Double> series = new LinkedHashMap<>();
    for (String key : values.fieldNames()) {
      Number value = values.getNumber(key);
      series.put(MongoKeys.unescape(key), value == null ? null : value.doubleValue());
    }
    JsonObject foldedKeys = document.getJsonObject("folded", new JsonObject());
    Map<String, Long> folded = new LinkedHashMap<>();
    for (String key : foldedKeys.fieldNames()) {
      folded.put(MongoKeys.unescape(key), foldedKeys.getLong(key));
    }
    return new Datapoint(document.getString("period"), document.getString("group"),
        MongoValues.millis(document.getJsonObject("time")), document.getLong("events"), series,
        folded);
  }
}
