package dev.livelog.alert;

import dev.livelog.common.retry.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook receiver: notifications are POSTed one at a time, in the order they came (an
 * alert's firing before its resolution), each retried after a failure (no answer, a timeout,
 * a 5xx, a 408 or a 429) with a doubling delay from 1 s up to 5 minutes until it is delivered.
 * A receiver that refuses one (another 4xx) will not take it later either: it is logged and
 * dropped. At most {@link #MAX_QUEUED} wait; past that the oldest goes, with a warning. Logs
 * name the receiver and its host only: a webhook's path often holds its token.
 */
final class WebhookReceiver {
  static final int MAX_QUEUED = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

  /**
   * One alert to send ({@code key}: the alert and its state), and what to do once the receiver
   * has it.
   */
  record Notification(String rule, String key, Buffer body, String describe, Runnable onDelivered) {}

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String name;
  private final String url;
  private final String shownAs;
  /** What follows the host (where a webhook's token often is), or null when nothing does. */
  private final String pathAndQuery;
  private final String bearerToken;
  private final long timeoutMillis;
  private final Backoff backoff = Backoff.exact(1_000, 300_000);
  private final Deque<Notification> queue = new ArrayDeque<>();
  private Notification inFlight;
  private long retryTimer = -1;
  private boolean closed;

  WebhookReceiver(Vertx vertx, String name, String url, String bearerToken, Duration timeout) {
    this.vertx = vertx;
    this.name = name;
    this.url = url;
    this.bearerToken = bearerToken;
    this.timeoutMillis = timeout.toMillis();
    URI uri = URI.create(url);
    this.shownAs = name + " (" + uri.getScheme() + "://" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ")";
    String file = (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    this.pathAndQuery = file.length() > 1 ? file : null;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
  }

  String name() {
    return name;
  }

  void send(Notification notification) {
    if (closed) {
      return;
    }
    if (queue.size() >= MAX_QUEUED) {
      Notification dropped = queue.removeFirst();
      LOG.warn("receiver {}: {} notifications waiting; dropped the oldest ({})", shownAs,
          MAX_QUEUED, dropped.describe());
    }
    queue.addLast(notification);
    next();
  }

  /** Whether the notification of this key waits or is being sent. */
  boolean has(String key) {
    return inFlight != null && inFlight.key().equals(key)
        || queue.stream().anyMatch(n -> n.key().equals(key));
  }

  /** Drops what waits for a rule this node no longer holds (its new holder sends it). */
  void dropRule(String rule) {
    queue.removeIf(n -> n.rule().equals(rule));
  }

  /** How many notifications wait, the one being sent included. */
  int waiting() {
    return queue.size() + (inFlight == null ? 0 : 1);
  }

  Future<Void> close() {
    closed = true;
    queue.clear();
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
    }
    return client.close();
  }

  private void next() {
    if (inFlight != null || retryTimer >= 0 || queue.isEmpty() || closed) {
      return;
    }
    inFlight = queue.removeFirst();
    post(inFlight).onComplete(done -> {
      Notification sent = inFlight;
      inFlight = null;
      if (closed) {
        return;
      }
      if (done.succeeded()) {
        backoff.reset();
        sent.onDelivered().run();
        next();
      } else if (done.cause() instanceof Refused refused) {
        LOG.error("receiver {} refused {}: {}; not sent again", shownAs, sent.describe(), refused.getMessage());
        next();
      } else {
        long delay = backoff.nextDelayMillis();
        LOG.warn("receiver {}: {} not delivered ({}); retrying in {} ms", shownAs, sent.describe(),
            redacted(done.cause()), delay);
        queue.addFirst(sent);
        retryTimer = vertx.setTimer(delay, id -> {
          retryTimer = -1;
          next();
        });
      }
    });
  }

  private Future<Void> post(Notification notification) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
        .setTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json")
        .putHeader("User-Agent", "livelog");
    if (bearerToken != null) {
      options.putHeader("Authorization", "Bearer " + bearerToken);
    }
    return client.request(options)
        .compose(request -> request.send(notification.body()))
        .compose(response -> response.body().compose(body -> outcome(response, body.toString())));
  }

  /** A failure's text without the URL's path and query, which Vert.x names in a timeout's. */
  private String redacted(Throwable failure) {
    String text = String.valueOf(failure.getMessage());
    return pathAndQuery == null ? text : text.replace(pathAndQuery, "/...");
  }

  private static Future<Void> outcome(HttpClientResponse response, String body) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture();
    }
    String why = "HTTP " + status + (body.isBlank() ? "" : ": " + oneLine(body));
    boolean later = status >= 500 || status == 408 || status == 429;
    return Future.failedFuture(later ? new IllegalStateException(why) : new Refused(why));
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** The receiver refused the notification for good. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
