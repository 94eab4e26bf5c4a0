package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /api/sources} from the statuses sources publish, {@code /api/deadletters} from the store. */
class StatusApiTest extends HttpTest {
  @Test
  void sourcesListTheLatestStatusWithItsRate(Vertx vertx, VertxTestContext ctx) {
    long t = System.currentTimeMillis();
    JsonObject first = new JsonObject().put("id", "ng1-cache").put("host", "ng1")
        .put("path", "/var/log/nginx/cache.log").put("state", "streaming")
        .put("linesSent", 1_000).put("bytesBehind", 0).put("time", t - 2_000);
    vertx.eventBus().publish(Addresses.SOURCE_STATUS, first);
    vertx.eventBus().publish(Addresses.SOURCE_STATUS, first.copy().put("linesSent", 1_500)
        .put("time", t).put("lastError", "connection reset"));
    vertx.setTimer(100, id -> client.get("/api/sources").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          JsonArray sources = response.bodyAsJsonObject().getJsonArray("sources");
          assertThat(sources).hasSize(1);
          JsonObject source = sources.getJsonObject(0);
          assertThat(source.getString("path")).isEqualTo("/var/log/nginx/cache.log");
          assertThat(source.getString("lastError")).isEqualTo("connection reset");
          assertThat(source.getDouble("linesPerSecond")).isEqualTo(250.0);
          ctx.completeNow();
        }))));
  }

  @Test
  void deadLettersAreAskedOfTheStoreWithTheLimit(Vertx vertx, VertxTestContext ctx) {
    JsonObject answer = new JsonObject().put("count", 3).put("bySource", new JsonObject().put("a", 3))
        .put("samples", new JsonArray().add(new JsonObject().put("line", "garbage").put("reason", "no match")));
    AtomicReference<Object> asked = new AtomicReference<>();
    vertx.eventBus().consumer(Addresses.DEAD_LETTERS_RECENT, message -> {
      asked.set(message.body());
      message.reply(answer);
    });
    client.get("/api/deadletters?limit=5").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject()).isEqualTo(answer);
          assertThat(asked.get()).isEqualTo(new JsonObject().put("limit", 5));
          ctx.completeNow();
        })));
  }

  @Test
  void deadLettersWithABadLimitAre400(VertxTestContext ctx) {
    client.get("/api/deadletters?limit=lots").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getString("error")).contains("limit").contains("lots");
          ctx.completeNow();
        })));
  }

  @Test
  void deadLettersAre503WithoutAStore(VertxTestContext ctx) {
    client.get("/api/deadletters").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.bodyAsJsonObject().getString("error")).contains("no store");
          ctx.completeNow();
        })));
  }

  @Test
  void alertsListWhatTheRulesHoldersPublish(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().publish(Addresses.ALERTS, new JsonObject().put("fingerprint", "0a").put("rule", "errors")
        .put("state", "pending").put("labels", new JsonObject().put("series", "5xx")));
    vertx.eventBus().publish(Addresses.ALERTS, new JsonObject().put("fingerprint", "0a").put("rule", "errors")
        .put("state", "firing").put("url", "http://127.0.0.1:8080/?group=status&from=1"));
    vertx.setTimer(100, id -> client.get("/api/alerts").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getLong("firing")).isEqualTo(1);
          assertThat(body.getJsonArray("alerts")).hasSize(1);
          assertThat(body.getJsonArray("alerts").getJsonObject(0).getString("state")).isEqualTo("firing");
          ctx.completeNow();
        }))));
  }
}
