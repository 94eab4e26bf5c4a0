package dev.livelog.alert;

import dev.livelog.common.kind.Kind;
import io.vertx.core.buffer.Buffer;

/**
 * What a receiver is sent ({@code notify.receivers.<name>.kind}, default {@code webhook}): one
 * class per kind, registered by one line in
 * {@code META-INF/services/dev.livelog.alert.ReceiverKind}. Every kind is POSTed as JSON, in
 * order, with the same retries ({@link WebhookReceiver}).
 */
public interface ReceiverKind extends Kind {
  /** Where a receiver configured with {@code url} is sent notifications. */
  default String target(String url) {
    return url;
  }

  /** The body telling {@code receiver} of one alert in its current state. */
  Buffer body(Notice notice);

  /**
   * How often a firing alert is sent again, in milliseconds; 0 (the default): once when it
   * fires and once when it resolves.
   */
  default long resendMillis() {
    return 0;
  }

  /** One alert to tell a receiver of: its state now, its links, and when it is sent. */
  record Notice(Alert alert, String receiver, String externalUrl, String alertUrl, long now) {}
}
