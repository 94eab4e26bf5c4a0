package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** An analyzer that takes the request but never answers: the page gets a 503, not a hang. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HistoryTimeoutTest {

  @Test
  void aSilentAnalyzerGives503(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.HISTORY, message -> { });
    Router router = Router.router(vertx);
    router.get("/api/history")
        .handler(new HistoryHandler(vertx.eventBus(), TestServer.config(), 100));
    vertx.createHttpServer().requestHandler(router).listen(0, TestServer.HOST)
        .compose(server -> WebClient.create(vertx)
            .get(server.actualPort(), TestServer.HOST, "/api/history?period=5s").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.bodyAsJsonObject().getString("error")).contains("in time");
          ctx.completeNow();
        })));
  }
}
