package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;

/** The store has durably written the events of a batch's byte range. */
public record StoredAck(String sourceId, String fileId, long startOffset, long endOffset,
    int events, int newlyStored) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("source", sourceId)
        .put("fileId", fileId)
        .put("start", startOffset)
        .put("end", endOffset)
        .put("events", events)
        .put("stored", newlyStored);
  }

  public static StoredAck fromJson(JsonObject json) {
    return new StoredAck(json.getString("source"), json.getString("fileId"),
        json.getLong("start"), json.getLong("end"), json.getInteger("events"),
        json.getInteger("stored"));
  }
}
