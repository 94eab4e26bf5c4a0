package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.Await;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer verticle over a real store and bus: history restore, backfill, queries. */
class AnalyzerVerticleTest {
  private static final String CONFIG = """
      periods: [{name: 5s, interval: 5s, window: 10s, history: 30}]
      groups:
        errors:
          label: Errors
          analyzers:
            - {label: 5xx, metric: count, where: {status: {min: 500}}}
            - {label: all, metric: count}
      """;
  private static final FieldSchema SCHEMA = FieldSchema.of("status");

  @TempDir Path dir;
  private Vertx vertx;
  private EventStore store;
  private final LivelogConfig config = ConfigLoader.parse(CONFIG);

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
  }

  @AfterEach
  void tearDown() throws Exception {
    result(store.close());
    result(vertx.close());
  }

  private JsonObject history() throws Exception {
    return result(vertx.eventBus().<JsonObject>request(Addresses.HISTORY,
        new JsonObject().put("period", "5s"))).body();
  }

  @Test
  void restoresHistoryFromTheStore() throws Exception {
    long now = System.currentTimeMillis();
    long tick = now / 5000 * 5000;
    result(store.saveDatapoints(List.of(
        new Datapoint("5s", "errors", tick - 10_000, 3, Map.of("5xx", 1.0, "all", 3.0)),
        new Datapoint("5s", "errors", tick - 5_000, 4, Map.of("5xx", 0.0, "all", 4.0)))));
    result(vertx.deployVerticle(new AnalyzerVerticle(config, store)));
    List<Object> points = history().getJsonArray("datapoints").getList();
    assertThat(points).hasSize(2);
    assertThat(history().getJsonArray("datapoints").getJsonObject(1).getLong("events")).isEqualTo(4);
  }

  @Test
  void backfillsTheTicksMissedWhileDownFromStoredEvents() throws Exception {
    long now = System.currentTimeMillis();
    long lastTick = now / 5000 * 5000;
    // One event a second for the last 60 s; every third is a 500.
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(new LogEvent("web", i * 100L, lastTick - 60_000 + i * 1000L, SCHEMA,
          new Object[] {i % 3 == 0 ? 500L : 200L}));
    }
    result(store.append(List.of(new EventBatch(new SourceOrigin("web", "h", "/p", "1-1"), 0, 6000, 60, events))));
    // The analyzer last ran a minute ago: its last datapoint is older than the events.
    result(store.saveDatapoints(List.of(new Datapoint("5s", "errors", lastTick - 60_000, 0,
        Map.of("5xx", 0.0, "all", 0.0)))));

    result(vertx.deployVerticle(new AnalyzerVerticle(config, store)));

    // The backfill runs once the analyzer holds the group's lease, just after it starts.
    List<Datapoint> restored = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 10_000;
    while (restored.stream().noneMatch(p -> p.time() == lastTick) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      restored.clear();
      history().getJsonArray("datapoints").forEach(o -> restored.add(Datapoint.fromJson((JsonObject) o)));
    }
    restored.removeIf(p -> p.time() > lastTick); // live ticks since
    assertThat(restored).extracting(Datapoint::time).isSorted().contains(lastTick - 60_000, lastTick);
    Datapoint last = restored.get(restored.size() - 1);
    assertThat(last.time()).isEqualTo(lastTick);
    // Window [lastTick - 10 s, lastTick): events 50..59, of which 51, 54, 57 are 500s.
    assertThat(last.values()).containsEntry("all", 10.0).containsEntry("5xx", 3.0);
    assertThat(result(store.datapoints("5s", lastTick, lastTick + 1))).hasSize(1); // stored too
  }

  @Test
  void answersQueriesAndRefusesBadOnes() throws Exception {
    long t0 = System.currentTimeMillis() / 60_000 * 60_000 - 600_000;
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(new LogEvent("web", i * 100L, t0 + i * 60_000L, SCHEMA, new Object[] {i < 4 ? 503L : 200L}));
    }
    result(store.append(List.of(new EventBatch(new SourceOrigin("web", "h", "/p", "1-1"), 0, 1000, 10, events))));
    result(vertx.deployVerticle(new AnalyzerVerticle(config, store)));

    JsonObject reply = result(vertx.eventBus().<JsonObject>request(Addresses.QUERY, new JsonObject()
        .put("group", "errors").put("from", t0).put("to", t0 + 600_000).put("step", 300_000))).body();
    assertThat(reply.getJsonArray("datapoints")).hasSize(2);
    JsonObject first = reply.getJsonArray("datapoints").getJsonObject(0);
    assertThat(first.getLong("time")).isEqualTo(t0 + 300_000);
    assertThat(first.getJsonObject("values").getMap()).containsEntry("5xx", 4.0).containsEntry("all", 5.0);

    assertThat(failure(new JsonObject().put("group", "nope").put("from", 0).put("to", 1).put("step", 1000)))
        .satisfies(e -> assertThat(e.failureCode()).isEqualTo(404));
    assertThat(failure(new JsonObject().put("group", "errors").put("from", t0 - 86_400_000).put("to", t0).put("step", 1000)))
        .satisfies(e -> assertThat(e.failureCode()).isEqualTo(400))
        .hasMessageContaining("at most");
    assertThat(failure(new JsonObject().put("group", "errors").put("from", 5).put("to", 1).put("step", 1000)))
        .hasMessageContaining("before");
  }

  private ReplyException failure(JsonObject request) {
    return (ReplyException) Await.failure(vertx.eventBus().request(Addresses.QUERY, request));
  }
}
