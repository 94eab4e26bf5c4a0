package dev.livelog.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test that talks HTTP to the web verticle holds: a {@link TestServer} deployed
 * before each test and a client whose requests go to it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
abstract class HttpTest {
  WebClient client;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    TestServer.client(vertx).onComplete(ctx.succeeding(c -> {
      client = c;
      ctx.completeNow();
    }));
  }

  Future<HttpResponse<Buffer>> get(String uri) {
    return client.get(uri).send();
  }
}
