package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /api/baseline} against a stand-in analyzer on {@code livelog.baseline}. */
class BaselineApiTest extends HttpTest {
  @Test
  void aBaselineIsAskedWithItsOffsetAndTheAnswerRelayed(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<JsonObject> asked = new AtomicReference<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.BASELINE, message -> {
      asked.set(message.body());
      message.reply(new JsonObject().put("group", "cache0").put("datapoints", new JsonArray()));
    });
    get("/api/baseline?group=cache0&offset=1d&from=2025-11-25T09:00:00Z&to=1764064800000&step=5s")
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(asked.get()).isEqualTo(new JsonObject().put("group", "cache0")
              .put("from", 1_764_061_200_000L).put("to", 1_764_064_800_000L).put("step", 5_000L)
              .put("offset", 86_400_000L));
          ctx.completeNow();
        })));
  }

  @Test
  void aSplitIs400NamingItWithoutAskingTheAnalyzer(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.BASELINE, message -> ctx.failNow("the analyzer was asked"));
    get("/api/baseline?group=cache0&offset=1d&from=-1h&split=host")
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getString("error"))
              .startsWith("'split' is not a parameter of /api/baseline: baselines are not split");
          ctx.completeNow();
        })));
  }

  @Test
  void aZeroStepIs400InTheUnitsItWasWrittenIn(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer(Addresses.BASELINE, message -> ctx.failNow("the analyzer was asked"));
    get("/api/baseline?group=cache0&offset=1d&from=-1h&step=0s")
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getString("error"))
              .isEqualTo("'step' must be a duration longer than 0, such as 5s; got '0s'");
          ctx.completeNow();
        })));
  }
}
