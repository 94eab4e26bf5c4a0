package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingress-nginx lines with retries, through a file source, the parsers, the embedded store
 * and the analyzer as {@code livelog run} deploys them: the live datapoints attribute each try
 * to its own upstream server, {@code /api/query} gives the same from the stored events, and
 * the line whose lists disagree is counted on {@code /metrics}.
 */
class UpstreamTriesPipelineTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @TempDir Path dir;

  private LivelogConfig config(Path log) {
    LivelogConfig config = ConfigLoader.parse("sources:\n"
        + "  - {id: ingress, path: '" + log + "', format: upstreaminfo, from: start}\n"
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {port: 0}\n"
        + "pipeline: {batch_delay: 20ms}\n"
        + "periods: [{interval: 1s, window: 6s, history: 30}]\n"
        + "groups:\n"
        + "  upstream_time:\n"
        + "    analyzers:\n"
        + "      - {metric: avg, field: upstream_response_time, by: upstream_addr}\n"
        + "      - {metric: percentile, field: upstream_response_time, by: upstream_addr, percentiles: [99]}\n"
        + "  upstream_tries:\n"
        + "    analyzers:\n"
        + "      - {label: tries, metric: count, by: upstream_addr}\n"
        + "      - {label: retried, metric: retries, field: upstream_addr, by: upstream_addr}\n"
        + "      - {label: retried (all), metric: retries, field: upstream_addr}\n");
    ConfigCheck.validate(config);
    return config;
  }

  private static String line(Instant t, String addr, String rt, String status) {
    return "192.0.2.7 - - [" + TIME.format(t) + "] \"GET /api HTTP/1.1\" 200 612 \"-\" \"curl/8.5\""
        + " 79 0.120 [default-api-80] [] " + addr + " 612 " + rt + " " + status + " 5f2c1e";
  }

  @Test
  void eachTryCountsForItsOwnServerLiveAndFromTheStore() throws Exception {
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    LivelogNode node = SshFixture.start(config(log));
    try {
      List<Datapoint> seen = new CopyOnWriteArrayList<>();
      node.vertx().eventBus().<JsonObject>consumer("livelog.analytics.1s",
          m -> seen.add(Datapoint.fromJson(m.body())));
      Instant t = Instant.now();
      Files.write(log, List.of(
          line(t, "10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80", "0.010, 0.020 : 0.030", "502, 504 : 200"),
          line(t, "10.0.0.1:80", "0.040", "200"),
          line(t, "10.0.0.1:80, 10.0.0.2:80", "0.050, 0.060, 0.070", "502, 200")), // a time too many
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);

      SshFixture.await("a datapoint with every try", 20_000, () -> seen.stream().anyMatch(p ->
          p.group().equals("upstream_tries") && Double.valueOf(3).equals(p.values().get("tries 10.0.0.1:80"))
              && seen.stream().anyMatch(a -> a.group().equals("upstream_time") && a.time() == p.time())));
      Datapoint tries = seen.stream().filter(p -> p.group().equals("upstream_tries")
          && Double.valueOf(3).equals(p.values().get("tries 10.0.0.1:80"))).findFirst().orElseThrow();
      Datapoint time = seen.stream().filter(p -> p.group().equals("upstream_time")
          && p.time() == tries.time()).findFirst().orElseThrow();

      assertThat(tries.values()).containsEntry("tries 10.0.0.2:80", 2.0).containsEntry("tries 10.0.0.3:80", 1.0)
          .containsEntry("retried 10.0.0.1:80", 2.0).containsEntry("retried 10.0.0.2:80", 2.0)
          .containsEntry("retried 10.0.0.3:80", 1.0).containsEntry("retried (all)", 2.0);
      assertThat(time.values().get("10.0.0.1:80")).isCloseTo((0.010 + 0.040 + 0.050) / 3, within(1e-9));
      assertThat(time.values().get("10.0.0.2:80")).isCloseTo((0.020 + 0.060) / 2, within(1e-9));
      assertThat(time.values().get("10.0.0.3:80")).isCloseTo(0.030, within(1e-9));
      assertThat(time.values().get("10.0.0.3:80 p99")).isCloseTo(0.030, within(0.0005));

      SshFixture.await("the lines stored", 20_000, () -> SshFixture.count(node) == 3);
      long from = t.toEpochMilli() / 1000 * 1000 - 5_000;
      for (Datapoint live : List.of(tries, time)) {
        JsonObject query = new JsonObject(OneJvmPipelineTest.get("http://127.0.0.1:" + node.webPort()
            + "/api/query?group=" + live.group() + "&from=" + from + "&to=" + (from + 10_000) + "&step=10s"));
        Map<String, Object> stored = query.getJsonArray("datapoints").getJsonObject(0)
            .getJsonObject("values").getMap();
        assertThat(stored.keySet()).as(live.group()).containsExactlyInAnyOrderElementsOf(live.values().keySet());
        live.values().forEach((series, v) -> assertThat(((Number) stored.get(series)).doubleValue())
            .as(series).isCloseTo(v, within(v * 0.02)));
      }

      String metrics = OneJvmPipelineTest.get("http://127.0.0.1:" + node.webPort() + "/metrics");
      // The third line, in the avg's and the percentile's attribution.
      assertThat(metrics).contains("livelog_analyzer_mismatched_tries_total 2.0");
    } finally {
      SshFixture.stop(node);
    }
  }
}
