package dev.livelog.alert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * {@code kind: alertmanager}: alerts posted into an Alertmanager, as Prometheus posts them: an
 * array of alerts to {@code <url>/api/v2/alerts}, a firing one again every minute with an
 * {@code endsAt} four minutes ahead (so the Alertmanager resolves it by itself if livelog stops
 * telling), a resolved one with its end. The Alertmanager groups, deduplicates, silences and
 * routes them.
 */
public final class AlertmanagerApi implements ReceiverKind {
  static final long RESEND_MILLIS = 60_000;
  private static final String PATH = "/api/v2/alerts";

  @Override
  public String name() {
    return "alertmanager";
  }

  /** The Alertmanager's address, its API path added unless the URL has it. */
  @Override
  public String target(String url) {
    String base = url.replaceAll("/+$", "");
    return base.endsWith(PATH) ? base : base + PATH;
  }

  @Override
  public long resendMillis() {
    return RESEND_MILLIS;
  }

  @Override
  public Buffer body(Notice notice) {
    Alert alert = notice.alert();
    long endsAt = alert.state() == AlertState.RESOLVED ? alert.endsAt() : notice.now() + 4 * RESEND_MILLIS;
    return new JsonArray().add(new JsonObject()
        .put("labels", new JsonObject(new LinkedHashMap<>(alert.labels())))
        .put("annotations", new JsonObject(new LinkedHashMap<>(alert.annotations())))
        .put("startsAt", AlertmanagerWebhook.time(AlertmanagerWebhook.startsAt(alert)))
        .put("endsAt", AlertmanagerWebhook.time(endsAt))
        .put("generatorURL", notice.alertUrl())).toBuffer();
  }
}
