package dev.livelog.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest status of every source, as published on {@code livelog.status.sources}, with
 * its read rate in lines per second worked out from the growth of {@code linesSent}. Statuses
 * come every 2 s and on each state change; a rate is taken over at least
 * {@value #MIN_RATE_SPAN_MS} ms so two statuses a few milliseconds apart do not make it jump.
 */
final class SourceStatusBoard {
  static final long MIN_RATE_SPAN_MS = 1_000;

  private final Map<String, Entry> entries = new TreeMap<>();

  /** Takes a status; one without an id is ignored. */
  void update(JsonObject status, long receivedAt) {
    String id = status.getString("id");
    if (id == null) {
      return;
    }
    long time = status.getLong("time", receivedAt);
    long lines = status.getLong("linesSent", 0L);
    entries.computeIfAbsent(id, k -> new Entry()).update(status.copy(), time, lines, receivedAt);
  }

  /** Every source by id, each status with {@code linesPerSecond} and {@code ageMs} added. */
  JsonArray snapshot(long now) {
    JsonArray rows = new JsonArray();
    entries.values().forEach(e -> rows.add(e.latest.copy()
        .put("linesPerSecond", e.rate)
        .put("ageMs", Math.max(0, now - e.receivedAt))));
    return rows;
  }

  private static final class Entry {
    JsonObject latest;
    long receivedAt;
    long baseTime = -1;
    long baseLines;
    Double rate;

    void update(JsonObject status, long time, long lines, long received) {
      latest = status;
      receivedAt = received;
      if (baseTime < 0 || lines < baseLines || time < baseTime) {
        // The first status, or the source started over: no rate until the next span.
        baseTime = time;
        baseLines = lines;
        rate = null;
        return;
      }
      if (time - baseTime >= MIN_RATE_SPAN_MS) {
        rate = (lines - baseLines) * 1000.0 / (time - baseTime);
        baseTime = time;
        baseLines = lines;
      }
    }
  }
}
