package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two analyzers: one publishes each group's ticks, the other stands by and takes over. */
class AnalyzerFailoverTest {
  @TempDir Path dir;

  @Test
  void eachTickIsPublishedOnceAndTheStandbyTakesOver() throws Exception {
    Vertx vertx = Vertx.vertx();
    EventStore store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
    LivelogConfig config = ConfigLoader.parse("""
        periods: [{name: 1s, interval: 1s, window: 2s, history: 60}]
        groups:
          a: {label: A, analyzers: [{label: n, metric: count}]}
          b: {label: B, analyzers: [{label: n, metric: count}]}
        """);
    List<Datapoint> seen = new CopyOnWriteArrayList<>();
    result(vertx.eventBus().<JsonObject>consumer(Addresses.analytics("1s"),
        m -> seen.add(Datapoint.fromJson(m.body()))).completion());
    try {
      String first = result(vertx.deployVerticle(new AnalyzerVerticle(config, store)));
      result(vertx.deployVerticle(new AnalyzerVerticle(config, store)));
      Thread.sleep(4_000);
      assertOncePerTickAndGroup(seen);
      int before = seen.size();
      assertThat(before).isGreaterThanOrEqualTo(4);

      result(vertx.undeploy(first));
      long stoppedAt = System.currentTimeMillis();
      // Each tick is published its settle (here 1.1 s) after its time.
      long deadline = stoppedAt + 10_000;
      while (ticksAfter(seen, stoppedAt + 2_000) < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertOncePerTickAndGroup(seen);
      assertThat(ticksAfter(seen, stoppedAt + 2_000)).as("the standby's ticks after the holder stopped")
          .isGreaterThanOrEqualTo(2);
    } finally {
      result(store.close());
      result(vertx.close());
    }
  }

  private static long ticksAfter(List<Datapoint> seen, long time) {
    return seen.stream().filter(p -> p.time() > time).map(Datapoint::time).distinct().count();
  }

  private static void assertOncePerTickAndGroup(List<Datapoint> seen) {
    Map<String, Long> counts = seen.stream()
        .collect(Collectors.groupingBy(p -> p.group() + "@" + p.time(), Collectors.counting()));
    assertThat(counts.values()).as("datapoints per group and tick").allMatch(n -> n == 1);
  }
}
