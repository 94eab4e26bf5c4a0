package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.CliTest.Run;
import dev.livelog.app.plugin.ShareAbove;
import dev.livelog.common.bus.Datapoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric registered by the tests alone ({@link ShareAbove}, one line in the test resources'
 * {@code META-INF/services}, no change to livelog's code) is a metric like the built-ins:
 * {@code check-config} accepts it and checks its parameter, {@code analyze -c} computes it, and
 * a running livelog publishes its values live and computes the same from stored events.
 */
class TestOnlyMetricTest {
  private static final String SLOW = "{label: slow, metric: share_above, field: ups_rt, threshold: 0.25}";

  @TempDir Path dir;

  private Path config(Path log, String analyzer) throws Exception {
    return Files.writeString(dir.resolve("livelog.yaml"), """
        sources:
          - {id: cache, path: %s, format: seed_cache, from: start}
        periods:
          - {name: 1s, interval: 1s, window: 6s, history: 30}
        groups:
          upstream:
            analyzers:
              - %s
        storage: {data_dir: %s}
        web: {host: 127.0.0.1, port: 0}
        """.formatted(log, analyzer, dir.resolve("data")));
  }

  /** Four responses with an upstream time, two above 0.25 s, and a cache hit without one. */
  private static List<String> lines(Instant t) {
    return List.of(
        OneJvmPipelineTest.line(t, "MISS", false, "10.0.0.1:80", "0.100", ""),
        OneJvmPipelineTest.line(t, "MISS", false, "10.0.0.1:80", "0.200", ""),
        OneJvmPipelineTest.line(t, "MISS", false, "10.0.0.2:80", "0.300", ""),
        OneJvmPipelineTest.line(t, "MISS", false, "10.0.0.2:80", "0.500", ""),
        OneJvmPipelineTest.line(t, "HIT", false, "-", "-", ""));
  }

  @Test
  void checkConfigAcceptsItAndItsParameterAndNamesMistakes() throws Exception {
    Path log = dir.resolve("cache.log");
    Run ok = CliTest.livelog("check-config", config(log, SLOW).toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("OK");

    Run badValue = CliTest.livelog("check-config",
        config(log, SLOW.replace("0.25", "fast")).toString());
    assertThat(badValue.code()).isEqualTo(2);
    assertThat(badValue.err()).contains("groups.upstream.analyzers[0].threshold")
        .contains("expected a number, got 'fast'");

    Run otherMetricsKey = CliTest.livelog("check-config",
        config(log, SLOW.replace("threshold: 0.25", "percentiles: [50]")).toString());
    assertThat(otherMetricsKey.code()).isEqualTo(2);
    assertThat(otherMetricsKey.err()).contains("groups.upstream.analyzers[0].percentiles")
        .contains("a parameter of percentile, not of metric 'share_above'");

    Run misspelt = CliTest.livelog("check-config",
        config(log, SLOW.replace("share_above", "share_abov")).toString());
    assertThat(misspelt.code()).isEqualTo(2);
    assertThat(misspelt.err())
        .contains("groups.upstream.analyzers[0].metric: unknown metric 'share_abov'; use one of: ")
        .contains("count, rate, share, avg, sum, min, max, percentile, retries, top, burn_rate").contains("share_above");
  }

  @Test
  void analyzeComputesIt() throws Exception {
    Path log = Files.write(dir.resolve("cache.log"), lines(Instant.parse("2026-11-25T10:00:00Z")));
    Run r = CliTest.livelog("analyze", "--json", "-c", config(log, SLOW).toString(),
        "-f", "seed_cache", log.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new JsonObject(r.out()).getJsonObject("groups").getJsonObject("upstream")
        .getDouble("slow")).isEqualTo(50.0);
  }

  @Test
  void aRunningLivelogPublishesItLiveAndComputesItFromStoredEvents() throws Exception {
    Path log = Files.createFile(dir.resolve("cache.log"));
    LivelogNode node = OneJvmPipelineTest.start(ConfigCheck.load(config(log, SLOW)));
    try {
      List<Datapoint> seen = new CopyOnWriteArrayList<>();
      node.vertx().eventBus().<JsonObject>consumer("livelog.analytics.1s",
          m -> seen.add(Datapoint.fromJson(m.body())));
      Instant t = Instant.now();
      Files.write(log, lines(t));

      OneJvmPipelineTest.await("a datapoint over the five lines", () -> seen.stream().anyMatch(p -> p.events() == 5));
      Datapoint live = seen.stream().filter(p -> p.events() == 5).findFirst().orElseThrow();
      assertThat(live.values()).containsEntry("slow", 50.0);

      OneJvmPipelineTest.await("the five lines stored", () -> OneJvmPipelineTest.count(node) == 5);
      long from = t.toEpochMilli() / 1000 * 1000 - 10_000;
      JsonArray points = new JsonObject(OneJvmPipelineTest.get("http://127.0.0.1:" + node.webPort()
          + "/api/query?group=upstream&from=" + from + "&to=" + (from + 20_000) + "&step=20s"))
          .getJsonArray("datapoints");
      assertThat(points).hasSize(1);
      assertThat(points.getJsonObject(0).getLong("events")).isEqualTo(5);
      assertThat(points.getJsonObject(0).getJsonObject("values").getDouble("slow")).isEqualTo(50.0);
    } finally {
      OneJvmPipelineTest.stop(node);
    }
  }
}
