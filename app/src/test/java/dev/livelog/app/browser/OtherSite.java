package dev.livelog.app.browser;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Another web site on this machine (another port of 127.0.0.1: another origin, the same
 * site for cookies): a page that loads the SockJS and Vert.x event-bus clients from itself and
 * tries to stream livelog's datapoints, as a page the operator happens to visit could. What it
 * got is in {@code window.received} (messages) and {@code window.events} (open, close, error).
 */
final class OtherSite implements AutoCloseable {
  private static final String PAGE = """
      <!doctype html><meta charset="utf-8"><title>another site</title>
      <script src="/sockjs.min.js"></script>
      <script src="/vertx-eventbus.js"></script>
      <script>
        window.received = 0;
        window.events = [];
        const bus = new EventBus(new URLSearchParams(location.search).get("bridge"));
        bus.onopen = () => {
          window.events.push("open");
          bus.registerHandler("%s", (error, message) => {
            if (error) window.events.push("error");
            else window.received++;
          });
        };
        bus.onclose = () => window.events.push("close");
      </script>
      """;

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  /** Serves a page that subscribes to {@code address} on the bridge its {@code ?bridge=} names. */
  OtherSite(String address) throws Exception {
    String page = PAGE.formatted(address);
    String sockjs = resource("META-INF/resources/webjars/sockjs-client/1.6.1/dist/sockjs.min.js");
    String eventBus = resource("webroot/vendor/vertx-eventbus.js");
    server = vertx.createHttpServer().requestHandler(request -> {
      String path = request.path();
      String body = path.equals("/sockjs.min.js") ? sockjs : path.equals("/vertx-eventbus.js") ? eventBus : page;
      request.response().putHeader("Content-Type", path.endsWith(".js")
          ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8").end(body);
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The page, set to subscribe over the bridge at {@code bridgeUrl}. */
  String page(String bridgeUrl) {
    return origin() + "/?bridge=" + java.net.URLEncoder.encode(bridgeUrl, StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OtherSite.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
