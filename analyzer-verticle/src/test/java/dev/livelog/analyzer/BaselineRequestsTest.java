package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.store.DatapointRetention;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code livelog.baseline} on either store: a 5 s chart a day earlier comes from the 1-minute
 * datapoints (the 5 s ones are not kept a day), moved forward by the day, with the point that
 * covers the chart's end; the request is held to the query limits.
 */
class BaselineRequestsTest {
  private static final long MINUTE = 60_000;
  private static final long DAY = 24 * 60 * MINUTE;
  private static final PeriodConfig FIVE = PeriodConfig.of(Duration.ofSeconds(5));
  private static final PeriodConfig ONE_MINUTE = PeriodConfig.of(Duration.ofMinutes(1));

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    result(vertx.close());
  }

  private JsonObject ask(JsonObject request) {
    return result(vertx.eventBus().<JsonObject>request("test.baseline", request)).body();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void aDayEarlierComesFromTheFinestPeriodKeptThatLongMovedForward(String kind) {
    EventStore store = STORES.open(kind, dir);
    long now = System.currentTimeMillis() / MINUTE * MINUTE;
    List<Datapoint> points = new ArrayList<>();
    for (long t = now - DAY - 20 * MINUTE; t <= now - DAY + 5 * MINUTE; t += MINUTE) {
      points.add(new Datapoint("1m", "rps", t, 10, Map.of("requests", (double) (t - (now - DAY)) / MINUTE), Map.of()));
      points.add(new Datapoint("1m", "other", t, 10, Map.of("x", 1.0), Map.of()));
    }
    points.add(new Datapoint("5s", "rps", now - DAY, 10, Map.of("requests", 99.0), Map.of()));
    result(store.saveDatapoints(points));
    vertx.eventBus().<JsonObject>consumer("test.baseline", new BaselineRequests(vertx, store,
        List.of(FIVE, ONE_MINUTE), Set.of("rps", "other"), QueryLimits.of(Duration.ofDays(7)),
        new DatapointRetention(Duration.ofDays(7)))::answer);

    JsonObject answer = ask(new JsonObject().put("group", "rps").put("offset", DAY)
        .put("from", now - 10 * MINUTE).put("to", now - MINUTE / 2).put("step", 5_000L));

    assertThat(answer.getString("period")).isEqualTo("1m");
    assertThat(answer.getLong("interval")).isEqualTo(MINUTE);
    List<Datapoint> shifted = answer.getJsonArray("datapoints").stream()
        .map(o -> Datapoint.fromJson((JsonObject) o)).toList();
    // From 10 minutes before now to the minute covering the chart's last half minute.
    assertThat(shifted).extracting(Datapoint::time).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(-10, 0).mapToObj(m -> now + m * MINUTE).toList());
    assertThat(shifted).allSatisfy(p -> assertThat(p.group()).isEqualTo("rps"));
    assertThat(shifted.get(0).values()).containsEntry("requests", -10.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb"})
  void badRequestsAreRefusedNamingTheParameter(String kind) {
    EventStore store = STORES.open(kind, dir);
    vertx.eventBus().<JsonObject>consumer("test.baseline", new BaselineRequests(vertx, store,
        List.of(FIVE, ONE_MINUTE), Set.of("rps"), QueryLimits.of(Duration.ofDays(7)),
        new DatapointRetention(Duration.ofDays(7)))::answer);
    long now = System.currentTimeMillis();
    JsonObject good = new JsonObject().put("group", "rps").put("offset", DAY).put("from", now - MINUTE).put("to", now);

    assertRefused(good.copy().put("group", "nope"), 404, "unknown plot group");
    assertRefused(good.copy().put("offset", -1), 400, "'offset'");
    assertRefused(good.copy().put("offset", 30 * DAY), 400, "'offset' 30d reaches further back than datapoints"
        + " are kept here (8d: storage.retention plus a day, at most 11,520 points of a period)");
    assertRefused(good.copy().put("from", now + 2 * DAY), 400, "'from'");
    assertRefused(good.copy().put("step", 1_500), 400, "'step'");
    assertRefused(good.copy().put("from", now - 30 * DAY).put("step", 1_000), 400, "points");
    assertThat(ask(good).getJsonArray("datapoints")).isEmpty();
  }

  private void assertRefused(JsonObject request, int code, String reason) {
    assertThatThrownBy(() -> ask(request)).hasRootCauseInstanceOf(ReplyException.class)
        .rootCause().satisfies(e -> {
          assertThat(((ReplyException) e).failureCode()).isEqualTo(code);
          assertThat(e.getMessage()).contains(reason);
        });
  }
}
