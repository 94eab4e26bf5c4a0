package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The REST API and the liveness probe, through a real HTTP client. */
class HttpApiTest extends HttpTest {
  @Test
  void historyIsForwardedToTheAnalyzer(Vertx vertx, VertxTestContext ctx) {
    JsonObject history = new JsonObject().put("period", "5s").put("datapoints", new JsonArray()
        .add(new Datapoint("5s", "cache0", 1_000L, 3, Map.of("HIT", 100.0)).toJson()));
    AtomicReference<Object> asked = new AtomicReference<>();
    vertx.eventBus().consumer(Addresses.HISTORY, message -> {
      asked.set(message.body());
      message.reply(history);
    });
    get("/api/history?period=5s").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("application/json");
      assertThat(response.bodyAsJsonObject()).isEqualTo(history);
      assertThat(asked.get()).isEqualTo(new JsonObject().put("period", "5s"));
      ctx.completeNow();
    })));
  }

  @Test
  void historyIs503WhenNoAnalyzerAnswers(VertxTestContext ctx) {
    expectError("/api/history?period=5s", 503, "no analyzer", ctx);
  }

  @Test
  void historyNeedsAPeriod(VertxTestContext ctx) {
    expectError("/api/history", 400, "period", ctx);
  }

  @Test
  void historyOfAnUnconfiguredPeriodIs404(VertxTestContext ctx) {
    expectError("/api/history?period=1h", 404, "'period': unknown period '1h'; periods: 5s, 5m", ctx);
  }

  @Test
  void historyIs404WhenTheAnalyzerDoesNotKnowThePeriod(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.HISTORY, message -> message.fail(404, "unknown period"));
    expectError("/api/history?period=5m", 404, "'period': unknown period '5m'", ctx);
  }

  @Test
  void historyIs502WhenTheAnalyzerFails(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.HISTORY, message -> message.fail(500, "store down"));
    expectError("/api/history?period=5s", 502, "store down", ctx);
  }

  @Test
  void configDescribesPeriodsAndGroupsInConfigOrder(VertxTestContext ctx) {
    get("/api/config").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getJsonArray("periods").getJsonObject(0)).isEqualTo(new JsonObject()
          .put("name", "5s").put("interval_ms", 5000).put("window_ms", 10000).put("history", 12)
          .put("chart", new JsonObject()));
      JsonArray groups = body.getJsonArray("groups");
      assertThat(groups.stream().map(g -> ((JsonObject) g).getString("name")))
          .containsExactly("cache0", "upstream");
      JsonObject cache = groups.getJsonObject(0);
      assertThat(cache.getString("label")).isEqualTo("Cache status");
      assertThat(cache.getString("format")).isEqualTo("%.1f%%");
      assertThat(cache.getJsonObject("chart"))
          .isEqualTo(new JsonObject().put("type", "stacked").put("y_max", 100));
      assertThat(cache.getJsonArray("series")).containsExactly("HIT", "MISS");
      assertThat(groups.getJsonObject(1).getJsonArray("analyzers"))
          .containsExactly("average", "slowest");
      ctx.completeNow();
    })));
  }

  @Test
  void unknownApiPathsGetAJson404(VertxTestContext ctx) {
    expectError("/api/nothing-here", 404, "no such API endpoint: GET /api/nothing-here", ctx);
  }

  @Test
  void livenessIsUp(VertxTestContext ctx) {
    get("/health/live").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
      ctx.completeNow();
    })));
  }

  private void expectError(String uri, int status, String reason, VertxTestContext ctx) {
    get(uri).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.getHeader("Content-Type")).startsWith("application/json");
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getInteger("status")).isEqualTo(status);
      assertThat(body.getString("error")).contains(reason);
      ctx.completeNow();
    })));
  }
}
