package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * SockJS over plain HTTP, as a browser falls back to it behind a proxy that blocks WebSockets:
 * the page's frames (registrations, pings) come as request bodies to {@code xhr_send}, and
 * datapoints go back in polled responses.
 */
class XhrFallbackTest {
  private static final String SESSION = "/eventbus/000/xhrsession";
  @AutoClose private final BlockingHttp http = BlockingHttp.serving(TestServer.config(), Map.of());

  @Test
  void aRegistrationSentOverXhrBringsDatapointsBackByPolling() throws Exception {
    HttpResponse<Buffer> open = http.post(SESSION + "/xhr", "");
    assertThat(open.bodyAsString()).isEqualTo("o\n");

    HttpResponse<Buffer> register = http.post(SESSION + "/xhr_send",
        "[\"{\\\"type\\\":\\\"register\\\",\\\"address\\\":\\\"livelog.analytics.5s\\\"}\"]",
        "Content-Type", "text/plain;charset=UTF-8");
    assertThat(register.statusCode()).as(register.bodyAsString()).isEqualTo(204);

    http.vertx().setTimer(200, t -> http.vertx().eventBus().publish("livelog.analytics.5s",
        new Datapoint("5s", "cache0", 5_000L, 7, Map.of("HIT", 42.5)).toJson()));
    HttpResponse<Buffer> poll = http.post(SESSION + "/xhr", "");
    assertThat(poll.statusCode()).isEqualTo(200);
    assertThat(poll.bodyAsString()).startsWith("a[").contains("cache0").contains("42.5");
  }

  @Test
  void aBodyOverTheLimitIsRefused() throws Exception {
    http.post(SESSION + "/xhr", "");
    String big = "[\"" + "x".repeat((int) AnalyticsBridge.MAX_REQUEST_BODY) + "\"]";
    try {
      assertThat(http.post(SESSION + "/xhr_send", big).statusCode()).isEqualTo(413);
    } catch (ExecutionException closed) {
      // The server answered 413 and closed the connection while the body was still coming:
      // TCP may then reset the connection before the client reads the answer.
      assertThat(closed.getCause()).isInstanceOf(HttpClosedException.class);
    }
  }
}
