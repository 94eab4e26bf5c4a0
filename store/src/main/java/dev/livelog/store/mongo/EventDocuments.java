package dev.livelog.store.mongo;

import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.event.SharedSchemas;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as MongoDB documents. The {@code _id} is source, file identity and byte offset, which
 * makes a replayed event a duplicate key instead of a second copy; {@code line} is the line the
 * event was parsed from (documents stored before lines were kept have none).
 */
final class EventDocuments {
  private final SharedSchemas schemas = new SharedSchemas();

  static String id(String source, String fileId, long offset) {
    return source + ":" + fileId + ":" + offset;
  }

  /** The line is left out when not known (as in documents stored before lines were kept). */
  static JsonObject toDocument(SourceOrigin origin, LogEvent event, long now) {
    long time = event.time() == LogEvent.NO_TIME ? now : event.time();
    JsonObject document = new JsonObject()
        .put("_id", id(event.source(), origin.fileId(), event.offset()))
        .put("source", event.source())
        .put("file", origin.fileId())
        .put("offset", event.offset())
        .put("host", origin.host())
        .put("path", origin.path())
        .put("time", MongoValues.date(time))
        .put("fields", fields(event));
    return event.line() == null ? document : document.put("line", event.line());
  }

  /** Absent values are kept as null so that the event's field list survives the trip. */
  private static JsonObject fields(LogEvent event) {
    FieldSchema schema = event.schema();
    JsonObject fields = new JsonObject();
    for (int i = 0; i < schema.size(); i++) {
      fields.put(MongoKeys.escape(schema.name(i)), MongoValues.toBson(event.value(i)));
    }
    return fields;
  }

  LogEvent toEvent(JsonObject document) {
    JsonObject fields = document.getJsonObject("fields", new JsonObject());
    List<String> names = new ArrayList<>(fields.size());
    Object[] values = new Object[fields.size()];
    int i = 0;
    for (String key : fields.fieldNames()) {
      names.add(MongoKeys.unescape(key));
      values[i++] = MongoValues.fromBson(fields.getValue(key));
    }
    return new LogEvent(document.getString("source"), document.getLong("offset"),
        MongoValues.millis(document.getJsonObject("time")), schemas.of(names), values,
        document.getString("line"));
  }
}
