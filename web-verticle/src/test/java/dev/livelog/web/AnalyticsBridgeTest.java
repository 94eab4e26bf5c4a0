package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bridge as a browser sees it, over SockJS's raw WebSocket endpoint (which answers in
 * binary frames, hence {@code handler} rather than {@code textMessageHandler}).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AnalyticsBridgeTest {
  private static final String SENTINEL = "sentinel";
  private WebVerticle web;
  /** Held in a field: Vert.x closes a client that is no longer referenced, connections and all. */
  private WebSocketClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = vertx.createWebSocketClient();
    TestServer.deploy(vertx).onComplete(ctx.succeeding(deployed -> {
      web = deployed;
      ctx.completeNow();
    }));
  }

  @Test
  void refusesAPublishFromTheBrowser(Vertx vertx, VertxTestContext ctx) {
    refusesInbound("publish", vertx, ctx);
  }

  @Test
  void refusesASendFromTheBrowser(Vertx vertx, VertxTestContext ctx) {
    refusesInbound("send", vertx, ctx);
  }

  /**
   * After the refusal the test sends a sentinel to the same address from the server side:
   * the consumer must see the sentinel first, proving the browser's message never arrived.
   */
  private void refusesInbound(String type, Vertx vertx, VertxTestContext ctx) {
    List<Object> received = new ArrayList<>();
    vertx.eventBus().consumer(Addresses.LINES, message -> ctx.verify(() -> {
      received.add(message.body());
      assertThat(received).containsExactly(SENTINEL);
      ctx.completeNow();
    }));
    connect().onComplete(ctx.succeeding(socket -> {
      socket.handler(data -> ctx.verify(() -> {
        String text = data.toString();
        assertAccessDenied(text);
        vertx.eventBus().send(Addresses.LINES, SENTINEL);
      }));
      socket.writeTextMessage(frame(type, Addresses.LINES)
          .put("body", new JsonObject().put("line", "injected")).encode());
    }));
  }

  @Test
  void refusesASubscriptionOutsideAnalyticsAndStatus(Vertx vertx, VertxTestContext ctx) {
    receivesOnlyOn(Addresses.analytics("5s"), List.of(Addresses.EVENTS), vertx, ctx);
  }

  @Test
  void aTailsSubscriptionsAndTheNodesSamplesAreNotForPages(Vertx vertx, VertxTestContext ctx) {
    String id = "0123456789abcdef0123456789abcdef";
    receivesOnlyOn(Addresses.tailPage(id), List.of(Addresses.TAIL_SUBSCRIPTIONS, Addresses.tailLines(id)),
        vertx, ctx);
  }

  /**
   * Registers for each of {@code refused}, each answered access_denied, then for
   * {@code allowed}, while all of them are published to, in that order, on every tick: had a
   * refused registration been made, its message would come before {@code allowed}'s.
   */
  private void receivesOnlyOn(String allowed, List<String> refused, Vertx vertx, VertxTestContext ctx) {
    connect().onComplete(ctx.succeeding(socket -> {
      List<String> frames = new ArrayList<>();
      socket.handler(data -> ctx.verify(() -> {
        String text = data.toString();
        frames.add(text);
        if (frames.size() <= refused.size()) {
          assertAccessDenied(text);
          return;
        }
        JsonObject rec = new JsonObject(text);
        assertThat(rec.getString("type")).isEqualTo("rec");
        assertThat(rec.getString("address")).isEqualTo(allowed);
        ctx.completeNow();
      }));
      refused.forEach(address -> socket.writeTextMessage(frame("register", address).encode()));
      socket.writeTextMessage(frame("register", allowed).encode());
      vertx.setPeriodic(50, tick -> {
        refused.forEach(address -> vertx.eventBus().publish(address, new JsonObject().put("leak", true)));
        vertx.eventBus().publish(allowed, new JsonObject().put("ok", true));
      });
    }));
  }

  @Test
  void deliversDatapointsToASubscriber(Vertx vertx, VertxTestContext ctx) {
    JsonObject datapoint = new Datapoint("5s", "cache0", 1_764_000_000_000L, 120,
        Map.of("HIT", 62.5, "MISS", 20.0)).toJson();
    receivesOn(Addresses.analytics("5s"), datapoint, vertx, ctx);
  }

  @Test
  void deliversSourceStatusToASubscriber(Vertx vertx, VertxTestContext ctx) {
    receivesOn(Addresses.SOURCE_STATUS, new JsonObject().put("source", "ng1"), vertx, ctx);
  }

  @Test
  void deliversAlertsToASubscriber(Vertx vertx, VertxTestContext ctx) {
    receivesOn(Addresses.ALERTS, new JsonObject().put("rule", "errors").put("state", "firing")
        .put("fingerprint", "0123456789abcdef"), vertx, ctx);
  }

  // The bridge does not acknowledge a registration, so the body is published until it shows.
  private void receivesOn(String address, JsonObject body, Vertx vertx, VertxTestContext ctx) {
    connect().onComplete(ctx.succeeding(socket -> {
      socket.handler(data -> ctx.verify(() -> {
        String text = data.toString();
        JsonObject rec = new JsonObject(text);
        assertThat(rec.getString("type")).isEqualTo("rec");
        assertThat(rec.getString("address")).isEqualTo(address);
        assertThat(rec.getJsonObject("body")).isEqualTo(body);
        ctx.completeNow();
      }));
      socket.writeTextMessage(frame("register", address).encode());
      vertx.setPeriodic(50, tick -> vertx.eventBus().publish(address, body));
    }));
  }

  private Future<WebSocket> connect() {
    return client.connect(web.actualPort(), TestServer.HOST, "/eventbus/websocket");
  }

  private static JsonObject frame(String type, String address) {
    return new JsonObject().put("type", type).put("address", address);
  }

  private static void assertAccessDenied(String text) {
    JsonObject err = new JsonObject(text);
    assertThat(err.getString("type")).isEqualTo("err");
    assertThat(err.getString("body")).isEqualTo("access_denied");
  }
}
