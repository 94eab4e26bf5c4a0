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
import java.util.EnumSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every process answers probes and serves metrics, with or without the web role. */
class ProbesTest {
  @TempDir Path dir;

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNodeWithoutTheWebRoleServesProbesAndMetricsOnly() throws Exception {
    Path log = dir.resolve("a.log");
    // An hour old when it arrives: stored, and counted as late for every period.
    String anHourAgo = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
        .format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
    Files.write(log, List.of("1.2.3.4 - - [" + anHourAgo + "] \"GET / HTTP/1.1\" 200 5 \"-\" \"-\"",
        "not a log line"));
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: web, path: "%s", format: combined, from: start}]
        storage: {data_dir: "%s", retention: 3650d}
        web: {port: 0}
        """.formatted(log, dir.resolve("data")));
    ConfigCheck.validate(config);
    LivelogNode node = LivelogNode.start(config, EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      int port = node.webPort();
      assertThat(node.servesDashboard()).isFalse();
      assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(port, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"sources\"").contains("\"store\"");
      assertThat(get(port, "/").statusCode()).isEqualTo(404);
      long deadline = System.currentTimeMillis() + 10_000;
      String metrics = "";
      while (!(metrics.contains("livelog_events_stored_total{source=\"web\"} 1.0")
              && metrics.contains("livelog_analyzer_late_events_total{period=\"5m\"} 1.0"))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        metrics = get(port, "/metrics").body();
      }
      assertThat(metrics)
          .contains("livelog_source_lines_read_total{source=\"web\"} 2.0")
          .contains("livelog_lines_parsed_total{source=\"web\"} 1.0")
          .contains("livelog_lines_failed_total{source=\"web\"} 1.0")
          .contains("livelog_lines_truncated_total{source=\"web\"} 0.0")
          .contains("livelog_events_stored_total{source=\"web\"} 1.0")
          .contains("livelog_bus_round_trip_seconds{source=\"web\"}")
          .contains("livelog_analyzer_late_events_total{period=\"5s\"} 1.0")
          .contains("livelog_analyzer_late_events_total{period=\"5m\"} 1.0")
          .contains("livelog_analyzer_after_tick_events_total{period=\"5s\"} 1.0")
          .contains("livelog_analyzer_after_tick_events_total{period=\"5m\"} 1.0")
          .contains("livelog_analyzer_events_total 0.0")
          .contains("livelog_analyzer_future_events_total 0.0")
          .contains("vertx_eventbus_");
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void valuesFoldedIntoOtherAreCountedOnMetrics() throws Exception {
    Path log = dir.resolve("a.log");
    String now = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
        .format(ZonedDateTime.now(ZoneOffset.UTC));
    // Five paths, two series: /a and /b keep theirs, /c, /d and /e are folded into other.
    List<String> lines = new java.util.ArrayList<>();
    for (String path : List.of("/a", "/a", "/a", "/b", "/b", "/c", "/d", "/e")) {
      lines.add("1.2.3.4 - - [" + now + "] \"GET " + path + " HTTP/1.1\" 200 5 \"-\" \"-\"");
    }
    Files.write(log, lines);
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: web, path: "%s", format: combined, from: start}]
        storage: {data_dir: "%s"}
        web: {port: 0}
        groups:
          paths:
            label: Requests by path
            analyzers:
              - {metric: count, by: path, max_series: 2}
        """.formatted(log, dir.resolve("data")));
    ConfigCheck.validate(config);
    LivelogNode node = LivelogNode.start(config, EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      String folded = "livelog_analyzer_folded_keys{group=\"paths\",period=\"5s\"} 3.0";
      long deadline = System.currentTimeMillis() + 15_000;
      String metrics = "";
      while (!metrics.contains(folded) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        metrics = get(node.webPort(), "/metrics").body();
      }
      assertThat(metrics).contains(folded);
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSourcesCountersAreOnMetricsFromTheStartBeforeAnyLine() throws Exception {
    Path log = dir.resolve("empty.log");
    Files.createFile(log);
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: quiet, path: "%s", format: combined, from: start}]
        storage: {data_dir: "%s"}
        web: {port: 0}
        """.formatted(log, dir.resolve("data")));
    LivelogNode node = LivelogNode.start(config, EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      assertThat(get(node.webPort(), "/metrics").body())
          .contains("livelog_events_stored_total{source=\"quiet\"} 0.0")
          .contains("livelog_lines_parsed_total{source=\"quiet\"} 0.0")
          .contains("livelog_lines_failed_total{source=\"quiet\"} 0.0")
          .contains("livelog_lines_truncated_total{source=\"quiet\"} 0.0");
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNodeThatCannotReachTheStoreIsNotReady() throws Exception {
    LivelogConfig config = ConfigLoader.parse("""
        storage: {data_dir: "%s"}
        web: {port: 0}
        """.formatted(dir.resolve("data")));
    // A parser alone, not clustered: no analyzer anywhere answers for the store.
    LivelogNode node = LivelogNode.start(config, EnumSet.of(Role.PARSER), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      HttpResponse<String> ready = get(node.webPort(), "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"store\"").contains("the store does not answer");
      assertThat(get(node.webPort(), "/health/live").statusCode()).isEqualTo(200);
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
