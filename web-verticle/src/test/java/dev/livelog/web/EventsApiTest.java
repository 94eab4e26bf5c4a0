package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/events} against a stand-in analyzer on {@code livelog.query.events}: what is
 * asked of it, and syntax refused before asking. (What the analyzer answers, on both stores,
 * is {@code EventsRequestsTest}'s.)
 */
class EventsApiTest extends HttpTest {
  @Test
  void theDrillDownIsAskedWithEveryParameterAndTheAnswerRelayed(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<JsonObject> asked = new AtomicReference<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.EVENTS_QUERY, message -> {
      asked.set(message.body());
      message.reply(new JsonObject().put("total", 1).put("next", (Object) null)
          .put("events", new JsonArray().add(new JsonObject().put("line", "GET /x 503"))));
    });
    client.get("/api/events?group=cache0&series=MISS&from=2025-11-25T09:00:00Z&to=1764061210000"
            + "&where=status%20%3E%3D%20500&limit=20&after=abc&split=host")
        .send().onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(asked.get()).isEqualTo(new JsonObject().put("group", "cache0")
              .put("from", 1_764_061_200_000L).put("to", 1_764_061_210_000L).put("series", "MISS")
              .put("where", "status >= 500").put("after", "abc").put("split", "host").put("limit", 20L));
          assertThat(response.bodyAsJsonObject().getJsonArray("events").getJsonObject(0).getString("line"))
              .isEqualTo("GET /x 503");
          ctx.completeNow();
        })));
  }

  @Test
  void badSyntaxIs400NamingTheParameterWithoutAskingTheAnalyzer(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.EVENTS_QUERY, message -> ctx.failNow("the analyzer was asked"));
    client.get("/api/events?group=cache0&from=-5m&limit=lots").send()
        .compose(limit -> client.get("/api/events?group=cache0").send().map(from -> new Object[] {limit, from}))
        .compose(r -> client.get("/api/events?group=nope&from=-5m").send().map(g -> new Object[] {r[0], r[1], g}))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          var limit = (io.vertx.ext.web.client.HttpResponse<?>) r[0];
          var from = (io.vertx.ext.web.client.HttpResponse<?>) r[1];
          var group = (io.vertx.ext.web.client.HttpResponse<?>) r[2];
          assertThat(limit.statusCode()).isEqualTo(400);
          assertThat(limit.bodyAsJsonObject().getString("error")).contains("'limit'");
          assertThat(from.statusCode()).isEqualTo(400);
          assertThat(from.bodyAsJsonObject().getString("error")).contains("'from'");
          assertThat(group.statusCode()).isEqualTo(404);
          ctx.completeNow();
        })));
  }

  @Test
  void theAnalyzersRefusalsAreRelayed(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.EVENTS_QUERY, message ->
        message.fail(message.body().containsKey("where") ? 400 : 429,
            message.body().containsKey("where") ? "'where' expected a value" : "too many queries"));
    client.get("/api/events?group=cache0&from=-5m&where=status%3E%3D").send()
        .compose(bad -> client.get("/api/events?group=cache0&from=-5m").send().map(busy -> new Object[] {bad, busy}))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          var bad = (io.vertx.ext.web.client.HttpResponse<?>) r[0];
          var busy = (io.vertx.ext.web.client.HttpResponse<?>) r[1];
          assertThat(bad.statusCode()).isEqualTo(400);
          assertThat(bad.bodyAsJsonObject().getString("error")).contains("'where'");
          assertThat(busy.statusCode()).isEqualTo(429);
          assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
          ctx.completeNow();
        })));
  }
}
