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

/** {@code /api/query} against a stand-in analyzer on {@code livelog.query}. */
class QueryApiTest extends HttpTest {
  @Test
  void aRangeIsAskedInEpochMillisAndTheAnswerRelayed(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<JsonObject> asked = new AtomicReference<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.QUERY, message -> {
      asked.set(message.body());
      message.reply(message.body().copy().put("datapoints", new JsonArray()
          .add(new Datapoint("query", "cache0", 1_764_061_200_000L, 4, Map.of("HIT", 75.0)).toJson())));
    });
    get("/api/query?group=cache0&from=2025-11-25T09:00:00Z&to=1764064800000&step=5m")
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(asked.get()).isEqualTo(new JsonObject().put("group", "cache0")
              .put("from", 1_764_061_200_000L).put("to", 1_764_064_800_000L).put("step", 300_000L));
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getJsonArray("datapoints").getJsonObject(0).getJsonObject("values").getDouble("HIT"))
              .isEqualTo(75.0);
          ctx.completeNow();
        })));
  }

  @Test
  void aSplitFieldIsAskedWithoutNginxsDollarAndABadOneIs400(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.QUERY, message -> {
      ctx.verify(() -> assertThat(message.body().getString("split")).isEqualTo("host"));
      message.reply(message.body().copy().put("datapoints", new JsonArray()));
    });
    get("/api/query?group=cache0&from=-1h&split=%24host")
        .compose(ok -> {
          ctx.verify(() -> assertThat(ok.statusCode()).isEqualTo(200));
          return get("/api/query?group=cache0&from=-1h&split=a%20b");
        })
        .onComplete(ctx.succeeding(bad -> ctx.verify(() -> {
          assertThat(bad.statusCode()).isEqualTo(400);
          assertThat(bad.bodyAsJsonObject().getString("error")).startsWith("'split' must be a field name");
          ctx.completeNow();
        })));
  }

  @Test
  void badParametersAre400WithoutAskingTheAnalyzer(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.QUERY, message -> ctx.failNow("the analyzer was asked"));
    expectError("/api/query?group=cache0&from=-9999999999999d&to=9223372036854775807", 400, "'from'", ctx);
  }

  @Test
  void anExtremeIsoYearIs400Not500(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.QUERY, message -> ctx.failNow("the analyzer was asked"));
    expectError("/api/query?group=cache0&from=%2B999999999-01-01T00:00:00Z", 400, "'from'", ctx);
  }

  @Test
  void tooManyRunningQueriesAre429WithTheAnalyzersReason(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.QUERY,
        message -> message.fail(429, "too many queries: at most 4 run at once over stored events"));
    get("/api/query?group=cache0&from=-1h").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.getHeader("Retry-After")).isEqualTo("1");
      assertThat(response.bodyAsJsonObject().getString("error")).contains("at most 4 run at once");
      ctx.completeNow();
    })));
  }

  @Test
  void aQueryCancelledAtItsDeadlineIs504(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.QUERY,
        message -> message.fail(504, "the query did not finish within its 10s deadline and was cancelled"));
    expectError("/api/query?group=cache0&from=-1h", 504, "10s deadline", ctx);
  }

  @Test
  void anUnconfiguredGroupIs404(VertxTestContext ctx) {
    expectError("/api/query?group=nope&from=-1h", 404, "'group': unknown group 'nope'; groups: cache0, upstream", ctx);
  }

  @Test
  void theAnalyzersOwn400IsRelayed(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.QUERY, message -> message.fail(400, "range beyond retention"));
    expectError("/api/query?group=cache0&from=-1h", 400, "range beyond retention", ctx);
  }

  @Test
  void noAnalyzerIs503(VertxTestContext ctx) {
    expectError("/api/query?group=cache0&from=-1h", 503, "no analyzer", ctx);
  }

  private void expectError(String uri, int status, String reason, VertxTestContext ctx) {
    get(uri).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.bodyAsJsonObject().getString("error")).contains(reason);
      ctx.completeNow();
    })));
  }
}
