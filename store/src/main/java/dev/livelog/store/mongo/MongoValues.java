package dev.livelog.store.mongo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed field values to and from BSON through the Vert.x Mongo client's JSON: text, booleans,
 * 64-bit integers and doubles map directly; an {@link Instant} is a BSON date, written as
 * {@code {"$date": ISO-8601}} (BSON dates hold milliseconds, so finer digits are dropped).
 */
final class MongoValues {
  private static final String DATE = "$date";

  private MongoValues() {}

  static JsonObject date(long epochMillis) {
    return new JsonObject().put(DATE, Instant.ofEpochMilli(epochMillis).toString());
  }

  static long millis(JsonObject date) {
    return OffsetDateTime.parse(date.getString(DATE)).toInstant().toEpochMilli();
  }

  static Object toBson(Object value) {
    if (value instanceof Instant instant) {
      return date(instant.toEpochMilli());
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray(new ArrayList<>(list.size()));
      for (Object item : list) {
        array.add(toBson(item));
      }
      return array;
    }
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value.toString(); // not a field type: its text, rather than a failing append
  }

  static Object fromBson(Object value) {
    if (value instanceof Integer i) {
      return i.longValue(); // a small int64 written by another client may come back as int32
    }
    if (value instanceof JsonObject object && object.containsKey(DATE)) {
      return Instant.ofEpochMilli(millis(object));
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>(array.size());
      for (Object item : array) {
        list.add(fromBson(item));
      }
      return list;
    }
    return value;
  }
}
