package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;

/**
 * How far a source's lines are stored: the file identity and the byte offset to resume from,
 * and the file's fingerprint (its first bytes' hash, {@code length:hex}; null when unknown), by
 * which the file's content is found again after a rename, a copy or a compression. A source
 * advances it only on the store's acknowledgement, so a restart loses nothing.
 */
public record Checkpoint(String sourceId, String fileId, long offset, long updatedAt,
    String fingerprint) {

  /** A checkpoint without a fingerprint (a command's run, or a file not read yet). */
  public Checkpoint(String sourceId, String fileId, long offset, long updatedAt) {
    this(sourceId, fileId, offset, updatedAt, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("source", sourceId)
        .put("fileId", fileId)
        .put("offset", offset)
        .put("updatedAt", updatedAt);
    if (fingerprint != null) {
      json.put("fingerprint", fingerprint);
    }
    return json;
  }

  public static Checkpoint fromJson(JsonObject json) {
    return new Checkpoint(json.getString("source"), json.getString("fileId"),
        json.getLong("offset"), json.getLong("updatedAt", 0L), json.getString("fingerprint"));
  }
}
