package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plot groups' series on {@code /metrics}, as Prometheus scrapes them: lines written to a
 * followed file show up as {@code livelog_series{group, series, period}} gauges with the values
 * the dashboard plots.
 */
class SeriesOnMetricsTest {
  @TempDir Path dir;

  @Test
  void theSeriesOfTheLatestDatapointsAreGaugesOnMetrics() throws Exception {
    Path log = Files.createFile(dir.resolve("access.log"));
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: web, path: "%s", format: combined, from: start}]
        periods: [{name: 1s, interval: 1s, window: 30s}]
        groups:
          status: {analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 5xx]}]}
          traffic: {analyzers: [{label: requests, metric: count}]}
        storage: {data_dir: "%s"}
        web: {port: 0}
        """.formatted(log, dir.resolve("data")));
    ConfigCheck.validate(config);
    LivelogNode node = LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      String now = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .format(ZonedDateTime.now(ZoneOffset.UTC));
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        lines.add("10.0.0.1 - - [" + now + "] \"GET /" + i + " HTTP/1.1\" " + (i < 5 ? 503 : 200)
            + " 5 \"-\" \"-\"");
      }
      Files.write(log, lines, StandardOpenOption.APPEND);
      String expected = "livelog_series{group=\"status\",period=\"1s\",series=\"5xx\"} 25.0";
      String metrics = "";
      long deadline = System.currentTimeMillis() + 20_000;
      while (!metrics.contains(expected) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
        metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.webPort() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
      }
      assertThat(metrics).contains(expected)
          .contains("livelog_series{group=\"status\",period=\"1s\",series=\"2xx\"} 75.0")
          .contains("livelog_series{group=\"traffic\",period=\"1s\",series=\"requests\"} 20.0")
          .contains("# TYPE livelog_series gauge");
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
