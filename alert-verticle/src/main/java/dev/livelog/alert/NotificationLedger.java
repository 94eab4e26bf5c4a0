package dev.livelog.alert;

import dev.livelog.common.bus.AlertRecord;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each receiver was told of each alert, for the rules this node holds: the memory of the
 * store's {@link AlertRecord}s. An alert that fires is noted (and saved) before it is sent, and
 * each receiver's delivery after; so after a restart or a failover the node that holds the
 * rule knows which alerts are firing and what each receiver still has to be told, and tells
 * nothing twice. A record whose resolution every receiver got is forgotten (and deleted).
 */
final class NotificationLedger {
  /** A change to make in the store: a record to save, or (when {@code record} is null) to delete. */
  record Change(String fingerprint, AlertRecord record) {}

  /** An alert a receiver has not been told of in its current state. */
  record Untold(Alert alert, String receiver) {}

  private record Entry(String rule, Alert alert, Map<String, AlertState> told) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Takes a record read from the store. */
  void load(AlertRecord record) {
    JsonObject body = record.body();
    Map<String, AlertState> told = new HashMap<>();
    body.getJsonObject("told", new JsonObject())
        .forEach(e -> told.put(e.getKey(), AlertState.of(String.valueOf(e.getValue()))));
    entries.put(record.fingerprint(), new Entry(record.rule(),
        Alert.fromJson(body.getJsonObject("alert")), told));
  }

  /** The alerts of a rule whose last noted state is firing (to take over). */
  List<Alert> firing(String rule) {
    List<Alert> out = new ArrayList<>();
    entries.values().forEach(e -> {
      if (e.rule().equals(rule) && e.alert().state() == AlertState.FIRING) {
        out.add(e.alert());
      }
    });
    return out;
  }

  /** Notes an alert's new firing or resolved state, before any receiver is told. */
  Change noted(Alert alert, long now) {
    Entry before = entries.get(alert.fingerprint());
    Entry entry = new Entry(alert.rule(), alert, before == null ? new HashMap<>() : before.told());
    entries.put(alert.fingerprint(), entry);
    return save(alert.fingerprint(), entry, now);
  }

  /** The state last noted of an alert, or null when none is. */
  AlertState state(Alert alert) {
    Entry entry = entries.get(alert.fingerprint());
    return entry == null ? null : entry.alert().state();
  }

  /** Whether {@code receiver} was told of this alert in this state already. */
  boolean told(Alert alert, String receiver) {
    Entry entry = entries.get(alert.fingerprint());
    return entry != null && entry.told().get(receiver) == alert.state();
  }

  /**
   * A receiver got an alert in a state; once every receiver in {@code receivers} got its
   * resolution, the record goes.
   */
  Change delivered(Alert alert, String receiver, List<String> receivers, long now) {
    Entry entry = entries.get(alert.fingerprint());
    if (entry == null) {
      return null; // the rule moved to another node meanwhile: it keeps the record
    }
    entry.told().put(receiver, alert.state());
    return settledOrSaved(alert.fingerprint(), entry, receivers, now);
  }

  /** After a resolution was noted: forgets it at once when no receiver is to be told. */
  Change settle(Alert alert, List<String> receivers, long now) {
    Entry entry = entries.get(alert.fingerprint());
    return entry == null ? null : settledOrSaved(alert.fingerprint(), entry, receivers, now);
  }

  /** What each of a rule's receivers has still to be told (after a restart or a takeover). */
  List<Untold> untold(String rule, List<String> receivers) {
    List<Untold> out = new ArrayList<>();
    entries.values().forEach(e -> {
      if (e.rule().equals(rule)) {
        receivers.stream().filter(r -> e.told().get(r) != e.alert().state())
            .forEach(r -> out.add(new Untold(e.alert(), r)));
      }
    });
    return out;
  }

  /** Forgets a rule's records (its lease went to another node, which reads them). */
  void forget(String rule) {
    entries.values().removeIf(e -> e.rule().equals(rule));
  }

  private Change settledOrSaved(String fingerprint, Entry entry, List<String> receivers, long now) {
    boolean settled = entry.alert().state() == AlertState.RESOLVED
        && receivers.stream().allMatch(r -> entry.told().get(r) == AlertState.RESOLVED);
    if (settled) {
      entries.remove(fingerprint);
      return new Change(fingerprint, null);
    }
    return save(fingerprint, entry, now);
  }

  private static Change save(String fingerprint, Entry entry, long now) {
    JsonObject told = new JsonObject();
    entry.told().forEach((receiver, state) -> told.put(receiver, state.label()));
    return new Change(fingerprint, new AlertRecord(fingerprint, entry.rule(), now,
        new JsonObject().put("alert", entry.alert().toJson()).put("told", told)));
  }
}
