package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.WebAuthConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** With {@code web.auth} on, the page, the API and the bridge need credentials; probes do not. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AccessGuardTest {
  private static final Map<String, String> ENV = Map.of("LL_TOKEN", "t0ken", "LL_PASSWORD", "secret");
  private WebClient client;
  private WebSocketClient sockets;
  private int port;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    sockets = vertx.createWebSocketClient();
    LivelogConfig plain = TestServer.config();
    LivelogConfig config = plain.withWeb(
        plain.web().withAuth(new WebAuthConfig("LL_TOKEN", "ops", "LL_PASSWORD")));
    TestServer.deploy(vertx, config, ENV).onComplete(ctx.succeeding(web -> {
      port = web.actualPort();
      ctx.completeNow();
    }));
  }

  @Test
  void withoutCredentialsThePageTheApiAndTheBridgeAre401(VertxTestContext ctx) {
    Future.all(get("/").send(), get("/api/config").send(), get("/eventbus/info").send(),
            get("/app.js").send())
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          for (int i = 0; i < all.size(); i++) {
            HttpResponse<Buffer> response = all.resultAt(i);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=\"livelog\"");
          }
          assertThat(((HttpResponse<Buffer>) all.resultAt(1)).bodyAsJsonObject().getString("error"))
              .contains("credentials");
          ctx.completeNow();
        })));
  }

  @Test
  void theBridgeRefusesAWebSocketWithoutCredentials(VertxTestContext ctx) {
    connect(null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
      assertThat(((UpgradeRejectedException) failure).getStatus()).isEqualTo(401);
      ctx.completeNow();
    })));
  }

  @Test
  void wrongCredentialsAre401(VertxTestContext ctx) {
    Future.all(get("/api/config").bearerTokenAuthentication("wrong").send(),
            get("/api/config").basicAuthentication("ops", "wrong").send(),
            get("/api/config?token=wrong").send())
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          for (int i = 0; i < all.size(); i++) {
            assertThat(((HttpResponse<Buffer>) all.resultAt(i)).statusCode()).isEqualTo(401);
          }
          ctx.completeNow();
        })));
  }

  @Test
  void healthStaysOpenForProbes(VertxTestContext ctx) {
    get("/health/live").send().onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  void aBearerTokenOrBasicAuthOpensTheApiAndThePage(VertxTestContext ctx) {
    Future.all(get("/api/config").bearerTokenAuthentication("t0ken").send(),
            get("/").basicAuthentication("ops", "secret").send())
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          HttpResponse<Buffer> api = all.resultAt(0);
          assertThat(api.statusCode()).isEqualTo(200);
          assertThat(api.bodyAsJsonObject().getJsonArray("groups")).hasSize(2);
          assertThat(((HttpResponse<Buffer>) all.resultAt(1)).bodyAsString()).contains("<title>livelog</title>");
          ctx.completeNow();
        })));
  }

  /** What a browser does: open the page with ?token= once, then live on the session cookie. */
  @Test
  void theTokenInTheAddressGivesASessionCookieForThePageAndTheBridge(VertxTestContext ctx) {
    get("/?token=t0ken&view=x").followRedirects(false).send()
        .compose(redirect -> {
          ctx.verify(() -> {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.getHeader("Location")).isEqualTo("/?view=x");
            assertThat(redirect.cookies()).singleElement().asString()
                .startsWith(AccessGuard.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
          });
          String cookie = redirect.cookies().get(0).split(";")[0];
          return get("/").putHeader("Cookie", cookie).send()
              .compose(page -> {
                ctx.verify(() -> assertThat(page.statusCode()).isEqualTo(200));
                return connect(cookie);
              });
        })
        .onComplete(ctx.succeeding(socket -> ctx.completeNow()));
  }

  private HttpRequest<Buffer> get(String uri) {
    return client.get(port, TestServer.HOST, uri);
  }

  private Future<WebSocket> connect(String cookie) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(TestServer.HOST).setPort(port).setURI("/eventbus/websocket");
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    return sockets.connect(options);
  }
}
