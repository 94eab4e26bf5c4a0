package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.StructureValidator;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingress-nginx container log as the kubelet keeps it (CRI, under /var/log/pods), followed
 * with {@code format: {cri: upstreaminfo}}: events get the pod's names, a request line longer
 * than the runtime's 16 KiB split is stored whole, once, even when livelog stops between its
 * parts, and the error lines of the other stream between them do not get in the way.
 */
class ContainerLogPipelineTest {
  private static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  @TempDir Path dir;

  private Path podLog() throws Exception {
    Path container = dir.resolve("var/log/pods/ingress-nginx_ingress-nginx-controller-7d9c8b6f5-x2x7q_"
        + "5f1e6a1c-2d3b-4c5d-8e9f-0a1b2c3d4e5f/controller");
    Files.createDirectories(container);
    return container.resolve("0.log");
  }

  private LivelogConfig config(Path log) {
    LivelogConfig config = ConfigLoader.parse("sources:\n"
        + "  - {id: ingress, path: '" + log + "', format: {cri: upstreaminfo}, from: start}\n"
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {port: 0}\n"
        + "pipeline: {batch_delay: 20ms}\n");
    StructureValidator.validate(config);
    ConfigCheck.validate(config);
    return config;
  }

  /** Request {@code n}'s access line, as ingress-nginx writes it (its path {@code pathLength} long). */
  private static String access(int n, int pathLength) {
    String time = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(10).format(NGINX_TIME);
    String path = "/r/" + n + (pathLength > 0 ? "/" + "p".repeat(pathLength) : "");
    return "203.0.113." + (n % 250) + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" 200 "
        + n + " \"-\" \"curl/8.5.0\" 120 0.004 [shop-web-80] [] 10.244.1.7:8080, 10.244.2.9:8080"
        + " 0, " + n + " 0.001, 0.003 502, 200 req" + n;
  }

  /** The CRI lines containerd writes for one output line: 16 KiB parts, P then F. */
  private static String cri(String stream, String line) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    do {
      int end = Math.min(line.length(), at + 16 * 1024);
      out.append("2026-12-07T10:00:00.000000001Z ").append(stream)
          .append(end < line.length() ? " P " : " F ").append(line, at, end).append('\n');
      at = end;
    } while (at < line.length());
    return out.toString();
  }

  private static void append(Path log, String text) throws Exception {
    Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Test
  void aSplitLineIsStoredWholeAndOnceAcrossARestartBetweenItsParts() throws Exception {
    Path log = podLog();
    StringBuilder first = new StringBuilder();
    for (int n = 1; n <= 50; n++) {
      first.append(cri("stdout", access(n, 0)));
    }
    String longLine = cri("stdout", access(51, 40_000));
    int lastPart = longLine.lastIndexOf("2026-12-07T10:00:00.000000001Z stdout F ");
    append(log, first + longLine.substring(0, lastPart)
        + cri("stderr", "2026/12/07 10:00:00 [error] 31#31: *5 upstream timed out"));

    LivelogNode node = SshFixture.start(config(log));
    Map<String, JsonObject> status = SshFixture.statuses(node);
    try {
      SshFixture.await("the 50 whole lines stored", 20_000, () -> SshFixture.count(node) == 50);
      SshFixture.await("the checkpoint at the split line's first part", 10_000,
          () -> status.containsKey("ingress")
              && Long.valueOf(first.toString().getBytes(StandardCharsets.UTF_8).length)
                  .equals(status.get("ingress").getLong("committedOffset")));
    } finally {
      SshFixture.stop(node);
    }
    append(log, longLine.substring(lastPart));
    for (int n = 52; n <= 60; n++) {
      append(log, cri("stdout", access(n, 0)));
    }

    LivelogNode again = SshFixture.start(config(log));
    try {
      SshFixture.await("60 requests stored", 20_000,
          () -> SshFixture.count(again) == 60);
      List<LogEvent> events = SshFixture.events(again);
      assertThat(events).extracting(e -> (Long) e.get("body_bytes_sent"))
          .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
      LogEvent whole = events.stream().filter(e -> Long.valueOf(51).equals(e.get("body_bytes_sent")))
          .findFirst().orElseThrow();
      assertThat((String) whole.get("path")).hasSize("/r/51/".length() + 40_000);
      assertThat(whole.offset()).as("at its first part")
          .isEqualTo(first.toString().getBytes(StandardCharsets.UTF_8).length);
      assertThat(whole.fields()).containsEntry("k8s.namespace", "ingress-nginx")
          .containsEntry("k8s.pod", "ingress-nginx-controller-7d9c8b6f5-x2x7q")
          .containsEntry("k8s.container", "controller").containsEntry("stream", "stdout")
          .containsEntry("upstream_status", List.of(502L, 200L));
    } finally {
      SshFixture.stop(again);
    }
  }
}
