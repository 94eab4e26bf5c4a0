package dev.livelog.alert;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback, as an operator's would be (the JDK's HTTP server, nothing of
 * livelog's): it keeps every notification it accepts, and can answer the next ones with an
 * error to see livelog retry.
 */
public final class WebhookSink implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();

  public WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      attempts.incrementAndGet();
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = 200;
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 503;
      } else {
        String text = new String(body, StandardCharsets.UTF_8);
        bodies.add(text);
        paths.add(exchange.getRequestURI().getPath());
        if (text.startsWith("{")) {
          accepted.add(new JsonObject(text));
        }
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** The URL to configure: {@code http://127.0.0.1:<port>/hook}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Notifications accepted, in order. */
  public List<JsonObject> accepted() {
    return List.copyOf(accepted);
  }

  /** The bodies accepted, as sent (a webhook's object, an Alertmanager's array). */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** The path each accepted body was POSTed to. */
  public List<String> paths() {
    return List.copyOf(paths);
  }

  /** Each accepted notification's status and first alert's series, e.g. {@code firing 5xx}. */
  public List<String> statuses() {
    return accepted.stream().map(n -> n.getString("status") + " " + n.getJsonArray("alerts")
        .getJsonObject(0).getJsonObject("labels").getString("series", "")).map(String::strip).toList();
  }

  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Requests received, refused ones included. */
  public int attempts() {
    return attempts.get();
  }

  /** Answers the next {@code n} requests with 503. */
  public void failNext(int n) {
    failNext.set(n);
  }

  /** Waits until the accepted notifications pass {@code condition}; false after the timeout. */
  public boolean await(Predicate<List<JsonObject>> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(accepted())) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.test(accepted());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
