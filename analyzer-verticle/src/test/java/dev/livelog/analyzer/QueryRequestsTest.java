package dev.livelog.analyzer;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livelog.query} holds whoever asks to the query limits, where the query runs: the bus
 * address can be called by anyone, not only by the web's checked requests.
 */
class QueryRequestsTest {
  private static final LivelogConfig CONFIG = ConfigLoader.parse("""
      storage: {retention: 7d}
      periods: [{name: 5s, interval: 5s, window: 10s, history: 30}]
      groups:
        errors:
          label: Errors
          analyzers:
            - {label: all, metric: count}
      """);
  private static final long DAY = 86_400_000L;

  @TempDir Path dir;
  private Vertx vertx;
  private EventStore store;
  private long now;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
    now = System.currentTimeMillis();
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(new LogEvent("web", i * 100L, now - 3 * DAY + i * 1_000L, FieldSchema.of("status"),
          new Object[] {200L}));
    }
    result(store.append(List.of(new EventBatch(new SourceOrigin("web", "h", "/p", "1-1"), 0, 1000, 10, events))));
  }

  @AfterEach
  void tearDown() {
    result(store.close());
    result(vertx.close());
  }

  private void deploy(QueryLimits limits) {
    result(vertx.deployVerticle(new AnalyzerVerticle(CONFIG, store, limits)));
  }

  private JsonObject ask(JsonObject request) {
    return result(vertx.eventBus().<JsonObject>request(Addresses.QUERY, request.put("group", "errors"))).body();
  }

  private ReplyException refused(JsonObject request) {
    return (ReplyException) failure(vertx.eventBus().request(Addresses.QUERY, request.put("group", "errors")));
  }

  /** Asks with a range of the last day, under the given limits. */
  private ReplyException refusedUnder(QueryLimits limits) {
    deploy(limits);
    return refused(new JsonObject().put("from", now - DAY).put("to", now));
  }

  @Test
  void anOverflowingRangeIsRefusedNotGroupedInOneSecondBuckets() {
    deploy(QueryLimits.of(Duration.ofDays(7)));

    // What from=-9999999999999d&to=9223372036854775807 used to become, sent straight to the bus.
    ReplyException e = refused(new JsonObject().put("from", -9_223_370_240_205_769_876L)
        .put("to", Long.MAX_VALUE).put("step", 1_000));
    assertThat(e.failureCode()).isEqualTo(400);
    assertThat(e).hasMessageContaining("'from'");
    assertThat(refused(new JsonObject().put("from", now - DAY).put("to", Long.MAX_VALUE)))
        .hasMessageContaining("'to'").hasMessageContaining("a day ahead");
  }

  @Test
  void aRangeOlderThanTheRetentionIsCutThereAndTheStepChosenForIt() {
    deploy(QueryLimits.of(Duration.ofDays(7)));

    JsonObject reply = ask(new JsonObject().put("from", now - 365 * DAY).put("to", now));

    assertThat(reply.getLong("from")).isBetween(now - 7 * DAY, now - 7 * DAY + 60_000);
    assertThat(reply.getJsonArray("datapoints").size()).isBetween(1, QueryLimits.DEFAULT_POINTS);
    long counted = reply.getJsonArray("datapoints").stream()
        .mapToLong(p -> ((JsonObject) p).getLong("events")).sum();
    assertThat(counted).isEqualTo(10);
  }

  @Test
  void aSplitFieldSplitsTheSeriesAndABadOneIs400NamingIt() {
    deploy(QueryLimits.of(Duration.ofDays(7)));
    JsonObject reply = ask(new JsonObject().put("from", now - 4 * DAY).put("to", now).put("split", "$status"));
    assertThat(reply.getString("split")).isEqualTo("$status");
    long counted = reply.getJsonArray("datapoints").stream()
        .map(p -> ((JsonObject) p).getJsonObject("values").getDouble("all 200"))
        .filter(java.util.Objects::nonNull).mapToLong(Double::longValue).sum();
    assertThat(counted).isEqualTo(10);
    ReplyException bad = refused(new JsonObject().put("from", now - DAY).put("to", now).put("split", "a b"));
    assertThat(bad.failureCode()).isEqualTo(400);
    assertThat(bad).hasMessageStartingWith("'split' must be a field name");
  }

  @Test
  void beyondTheMostRunningAtOnceTheAnswerIs429() {
    ReplyException e = refusedUnder(new QueryLimits(Duration.ofDays(7), QueryLimits.DEADLINE, 0));
    assertThat(e.failureCode()).isEqualTo(429);
    assertThat(e).hasMessageContaining("at most 0 run at once");
  }

  @Test
  void aQueryPastItsDeadlineIsCancelledWith504() {
    ReplyException e = refusedUnder(new QueryLimits(Duration.ofDays(7), Duration.ZERO, 4));
    assertThat(e.failureCode()).isEqualTo(504);
    assertThat(e).hasMessageContaining("deadline");
  }
}
