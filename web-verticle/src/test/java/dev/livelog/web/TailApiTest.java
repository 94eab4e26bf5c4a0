package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.tail.TailSubscription;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /api/tail}: opening, renewing and closing a page's live tail, and what reaches the bus. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class TailApiTest extends HttpTest {
  @Test
  void aTailIsPublishedToTheNodesRenewedAndCancelled(Vertx vertx, VertxTestContext ctx) {
    List<JsonObject> published = new ArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.TAIL_SUBSCRIPTIONS, m -> published.add(m.body()));
    request(HttpMethod.POST, "/api/tail?where=status%20%3E%3D%20500&rate=5")
        .compose(opened -> {
          ctx.verify(() -> {
            assertThat(opened.statusCode()).isEqualTo(201);
            JsonObject body = opened.bodyAsJsonObject();
            assertThat(body.getString("where")).isEqualTo("status >= 500");
            assertThat(body.getInteger("rate")).isEqualTo(5);
            assertThat(body.getString("address")).isEqualTo("livelog.tail.page." + body.getString("id"));
            assertThat(body.getLong("renew_ms")).isLessThan(body.getLong("expires_ms"));
          });
          String id = opened.bodyAsJsonObject().getString("id");
          return request(HttpMethod.POST, "/api/tail/" + id)
              .compose(renewed -> {
                ctx.verify(() -> assertThat(renewed.statusCode()).isEqualTo(200));
                return request(HttpMethod.DELETE, "/api/tail/" + id);
              })
              .compose(closed -> {
                ctx.verify(() -> assertThat(closed.statusCode()).isEqualTo(204));
                return request(HttpMethod.POST, "/api/tail/" + id);
              })
              .map(after -> {
                ctx.verify(() -> {
                  assertThat(after.statusCode()).isEqualTo(404);
                  assertThat(after.bodyAsJsonObject().getString("error")).contains("open a new one");
                  assertThat(published).hasSize(3);
                  assertThat(TailSubscription.fromJson(published.get(0)).where()).isEqualTo("status >= 500");
                  assertThat(published.get(1).getString("id")).isEqualTo(id);
                  assertThat(published.get(2)).isEqualTo(TailSubscription.cancel(id));
                });
                return after;
              });
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theNodesSamplesReachThePageAtMostAtItsRate(Vertx vertx, VertxTestContext ctx) {
    request(HttpMethod.POST, "/api/tail?rate=3").onComplete(ctx.succeeding(opened -> {
      JsonObject body = opened.bodyAsJsonObject();
      vertx.eventBus().<JsonObject>consumer(body.getString("address"), m -> {
        if (m.body().getLong("matched") == 0) {
          return; // a quiet second before the samples came
        }
        ctx.verify(() -> {
          assertThat(m.body().getJsonArray("lines")).hasSize(3);
          assertThat(m.body().getLong("matched")).isEqualTo(40);
          assertThat(m.body().getDouble("one_in")).isCloseTo(13.3, org.assertj.core.data.Offset.offset(0.1));
        });
        ctx.completeNow();
      });
      for (String node : List.of("a", "b")) {
        JsonArray lines = new JsonArray();
        for (int i = 0; i < 3; i++) {
          lines.add(new JsonObject().put("time", (long) i).put("source", node));
        }
        vertx.eventBus().send(Addresses.tailLines(body.getString("id")),
            new JsonObject().put("lines", lines).put("matched", 20));
      }
    }));
  }

  @Test
  void aBadFilterOrRateIs400NamingIt(VertxTestContext ctx) {
    expectError(HttpMethod.POST, "/api/tail?where=status%20%3E%3D", 400, "'where' expected a value after '>='")
        .compose(v -> expectError(HttpMethod.POST, "/api/tail?where=path%20~%20(%3F%3C%3Dx)y", 400, "RE2"))
        .compose(v -> expectError(HttpMethod.POST, "/api/tail?rate=0", 400,
            "'rate' must be a whole number of lines a second from 1 to 20 (web.tail_rate), got '0'"))
        .compose(v -> expectError(HttpMethod.POST, "/api/tail?rate=21", 400, "got '21'"))
        .compose(v -> expectError(HttpMethod.POST, "/api/tail?rate=fast", 400, "'rate'"))
        .compose(v -> expectError(HttpMethod.POST, "/api/tail/nope", 404, "no live tail 'nope'"))
        .compose(v -> expectError(HttpMethod.DELETE, "/api/tail/0123456789abcdef0123456789abcdef", 404, "no live tail"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void tooManyOpenTailsAre429(VertxTestContext ctx) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < TailRelay.MAX_TAILS; i++) {
      chain = chain.compose(v -> request(HttpMethod.POST, "/api/tail").mapEmpty());
    }
    chain.compose(v -> request(HttpMethod.POST, "/api/tail")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.getHeader("Retry-After")).isEqualTo("30");
      assertThat(r.bodyAsJsonObject().getString("error")).contains("32 live tails are open");
      ctx.completeNow();
    })));
  }

  private Future<Void> expectError(HttpMethod method, String uri, int status, String reason) {
    return request(method, uri).map(r -> {
      assertThat(r.statusCode()).as(uri).isEqualTo(status);
      assertThat(r.bodyAsJsonObject().getString("error")).as(uri).contains(reason);
      return null;
    });
  }

  private Future<HttpResponse<Buffer>> request(HttpMethod method, String uri) {
    return client.request(method, uri).send();
  }
}
