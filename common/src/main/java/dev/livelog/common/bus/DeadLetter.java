package dev.livelog.common.bus;

import io.vertx.core.json.JsonObject;

/** A line that did not parse, kept for inspection with the reason and where matching stopped. */
public record DeadLetter(String sourceId, String fileId, long offset, long receivedAt,
    String line, String reason) {

  /** Longest line sample kept; the rest of a huge line is not worth storing twice. */
  public static final int MAX_SAMPLE = 4096;

  public DeadLetter {
    if (line != null && line.length() > MAX_SAMPLE) {
      line = line.substring(0, MAX_SAMPLE);
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("source", sourceId)
        .put("fileId", fileId)
        .put("offset", offset)
        .put("receivedAt", receivedAt)
        .put("line", line)
        .put("reason", reason);
  }

  public static DeadLetter fromJson(JsonObject json) {
    return new DeadLetter(json.getString("source"), json.getString("fileId"),
        json.getLong("offset"), json.getLong("receivedAt"), json.getString("line"),
        json.getString("reason"));
  }
}
