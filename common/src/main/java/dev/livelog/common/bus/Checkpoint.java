package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;

/**
 * How far a source's lines are stored: the file identity and the byte offset to resume from.
 * A source advances it only on the store's acknowledgement, so a restart loses nothing.
 */
public record Checkpoint(String sourceId, String fileId, long offset, long updatedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("source", sourceId)
        .put("fileId", fileId)
        .put("offset", offset)
        .put("updatedAt", updatedAt);
  }

  public static Checkpoint fromJson(JsonObject json) {
    return new Checkpoint(json.getString("source"), json.getString("fileId"),
        json.getLong("offset"), json.getLong("updatedAt", 0L));
  }
}
