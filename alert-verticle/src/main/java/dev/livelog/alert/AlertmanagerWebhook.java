package dev.livelog.alert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code kind: webhook}: Alertmanager's webhook JSON (version 4), so that anything that takes
 * an Alertmanager webhook takes livelog's; once when an alert fires, once when it resolves.
 * Each notification is one alert's group of one: its labels are the group's, common and its
 * own, and {@code groupKey} names them as Alertmanager does ({@code {}:{alertname="...", ...}}).
 */
public final class AlertmanagerWebhook implements ReceiverKind {
  /** Go's zero time: Alertmanager's {@code endsAt} of an alert still firing. */
  static final String NOT_ENDED = "0001-01-01T00:00:00Z";

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Buffer body(Notice notice) {
    return of(notice).toBuffer();
  }

  static JsonObject of(Notice notice) {
    Alert alert = notice.alert();
    JsonObject labels = new JsonObject(new LinkedHashMap<>(alert.labels()));
    JsonObject annotations = new JsonObject(new LinkedHashMap<>(alert.annotations()));
    String status = status(alert);
    JsonObject one = new JsonObject()
        .put("status", status)
        .put("labels", labels)
        .put("annotations", annotations)
        .put("startsAt", time(startsAt(alert)))
        .put("endsAt", alert.endsAt() >= 0 ? time(alert.endsAt()) : NOT_ENDED)
        .put("generatorURL", notice.alertUrl())
        .put("fingerprint", alert.fingerprint());
    return new JsonObject()
        .put("version", "4")
        .put("groupKey", groupKey(alert.labels()))
        .put("truncatedAlerts", 0)
        .put("status", status)
        .put("receiver", notice.receiver())
        .put("groupLabels", labels.copy())
        .put("commonLabels", labels.copy())
        .put("commonAnnotations", annotations.copy())
        .put("externalURL", notice.externalUrl())
        .put("alerts", new JsonArray().add(one));
  }

  static String status(Alert alert) {
    return alert.state() == AlertState.RESOLVED ? "resolved" : "firing";
  }

  static long startsAt(Alert alert) {
    return alert.startsAt() >= 0 ? alert.startsAt() : alert.activeAt();
  }

  /** RFC 3339 in UTC, to the millisecond, as Alertmanager reads it. */
  static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  static String groupKey(Map<String, String> labels) {
    return "{}:{" + labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ")) + "}";
  }
}
