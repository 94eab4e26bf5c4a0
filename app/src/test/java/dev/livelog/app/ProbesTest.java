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
import java.util.List;
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
    Files.write(log, List.of("1.2.3.4 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"-\"",
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
      while (!metrics.contains("livelog_events_stored_total{source=\"web\"} 1.0")
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        metrics = get(port, "/metrics").body();
      }
      assertThat(metrics)
          .contains("livelog_source_lines_read_total{source=\"web\"} 2.0")
          .contains("livelog_lines_parsed_total{source=\"web\"} 1.0")
          .contains("livelog_lines_failed_total{source=\"web\"} 1.0")
          .contains("livelog_events_stored_total{source=\"web\"} 1.0")
          .contains("livelog_bus_round_trip_seconds{source=\"web\"}")
          .contains("vertx_eventbus_");
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
