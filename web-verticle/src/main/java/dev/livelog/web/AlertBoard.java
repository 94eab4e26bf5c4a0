package dev.livelog.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts as published on {@code livelog.alerts}, by fingerprint: pending and firing ones
 * as last repeated by the node that holds their rule (every 2 s; past {@value #STALE_MS} ms
 * without news one is marked {@code stale}, and forgotten after {@value #FORGET_STALE_MS} ms),
 * resolved ones for an hour, at most {@value #MAX_RESOLVED}.
 */
final class AlertBoard {
  static final long STALE_MS = 10_000;
  static final long FORGET_STALE_MS = 600_000;
  static final long KEEP_RESOLVED_MS = 3_600_000;
  static final int MAX_RESOLVED = 100;
  /** Beyond this, alerts are not taken: a bound whatever the bus carries. */
  static final int MAX_ALERTS = 5_000;

  private record Entry(JsonObject alert, long receivedAt) {
    String state() {
      return alert.getString("state", "");
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  void update(JsonObject alert, long receivedAt) {
    String fingerprint = alert.getString("fingerprint");
    if (fingerprint == null) {
      return;
    }
    if ("inactive".equals(alert.getString("state"))) {
      entries.remove(fingerprint);
      return;
    }
    if (entries.size() >= MAX_ALERTS && !entries.containsKey(fingerprint)) {
      expire(receivedAt);
      if (entries.size() >= MAX_ALERTS) {
        return;
      }
    }
    entries.remove(fingerprint); // re-inserted last: the newest news comes last
    entries.put(fingerprint, new Entry(alert.copy(), receivedAt));
  }

  /**
   * Firing first, then pending, then resolved (newest first), each with {@code ageMs} and, when
   * the node that holds its rule stopped reporting, {@code stale: true}; and how many fire.
   */
  JsonObject snapshot(long now) {
    expire(now);
    List<Entry> shown = new ArrayList<>(entries.values());
    shown.sort(Comparator.comparingInt((Entry e) -> rank(e.state()))
        .thenComparing(Comparator.comparingLong(Entry::receivedAt).reversed()));
    JsonArray alerts = new JsonArray();
    long firing = 0;
    long pending = 0;
    for (Entry e : shown) {
      JsonObject alert = e.alert().copy().put("ageMs", Math.max(0, now - e.receivedAt()));
      if (!"resolved".equals(e.state()) && now - e.receivedAt() > STALE_MS) {
        alert.put("stale", true);
      }
      firing += "firing".equals(e.state()) ? 1 : 0;
      pending += "pending".equals(e.state()) ? 1 : 0;
      alerts.add(alert);
    }
    return new JsonObject().put("firing", firing).put("pending", pending).put("alerts", alerts);
  }

  private void expire(long now) {
    entries.values().removeIf(e -> "resolved".equals(e.state())
        ? now - e.receivedAt() > KEEP_RESOLVED_MS : now - e.receivedAt() > FORGET_STALE_MS);
    long resolved = entries.values().stream().filter(e -> "resolved".equals(e.state())).count();
    var it = entries.values().iterator();
    while (resolved > MAX_RESOLVED && it.hasNext()) {
      if ("resolved".equals(it.next().state())) {
        it.remove();
        resolved--;
      }
    }
  }

  private static int rank(String state) {
    return switch (state) {
      case "firing" -> 0;
      case "pending" -> 1;
      default -> 2;
    };
  }
}
