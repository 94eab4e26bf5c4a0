package dev.livelog.store;

import dev.livelog.common.bus.Checkpoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers sources' checkpoint requests: {@code {"op":"load","source":id}} gives the checkpoint
 * JSON or {@code {}} when there is none; {@code {"op":"save", ...checkpoint}} gives {@code {}}
 * once saved; {@code {"op":"list","prefix":p}} gives {@code {"checkpoints":[...]}}, those whose
 * source id starts with p. A malformed request fails with {@link InvalidRequest}.
 */
final class CheckpointRequests {
  private final EventStore store;

  CheckpointRequests(EventStore store) {
    this.store = store;
  }

  /** Thrown (as a failed future) for a request that cannot be answered as asked. */
  static final class InvalidRequest extends IllegalArgumentException {
    InvalidRequest(String message) {
      super(message);
    }
  }

  Future<JsonObject> answer(Object body) {
    try {
      JsonObject request = object(body);
      String op = text(request, "op");
      return switch (op) {
        case "load" -> load(text(request, "source"));
        case "save" -> save(checkpoint(request));
        case "list" -> list(text(request, "prefix"));
        default -> throw new InvalidRequest("unknown op '" + op + "'; expected load, save or list");
      };
    } catch (InvalidRequest e) {
      return Future.failedFuture(e);
    }
  }

  private Future<JsonObject> load(String source) {
    return store.checkpoint(source)
        .map(found -> found == null ? new JsonObject() : found.toJson());
  }

  private Future<JsonObject> list(String prefix) {
    return store.checkpoints(prefix).map(found -> {
      JsonArray rows = new JsonArray();
      found.forEach(cp -> rows.add(cp.toJson()));
      return new JsonObject().put("checkpoints", rows);
    });
  }

  private Future<JsonObject> save(Checkpoint checkpoint) {
    return store.saveCheckpoint(checkpoint).map(v -> new JsonObject());
  }

  private static Checkpoint checkpoint(JsonObject request) {
    String source = text(request, "source");
    Object fileId = request.getValue("fileId");
    if (fileId != null && !(fileId instanceof String)) {
      throw new InvalidRequest("'fileId' must be text, got " + fileId);
    }
    Object offset = request.getValue("offset");
    if (!(offset instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
      throw new InvalidRequest("'offset' must be a whole number >= 0, got " + offset);
    }
    Object updatedAt = request.getValue("updatedAt");
    long at = updatedAt instanceof Number u ? u.longValue() : System.currentTimeMillis();
    Object fingerprint = request.getValue("fingerprint");
    if (fingerprint != null && !(fingerprint instanceof String)) {
      throw new InvalidRequest("'fingerprint' must be text, got " + fingerprint);
    }
    return new Checkpoint(source, fileId == null ? "" : (String) fileId, n.longValue(), at,
        (String) fingerprint);
  }

  private static JsonObject object(Object body) {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw new InvalidRequest("a checkpoint request is a JSON object, got "
        + (body == null ? "nothing" : body.getClass().getSimpleName()));
  }

  private static String text(JsonObject request, String key) {
    Object value = request.getValue(key);
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new InvalidRequest("'" + key + "' must be non-empty text, got " + value);
  }
}
