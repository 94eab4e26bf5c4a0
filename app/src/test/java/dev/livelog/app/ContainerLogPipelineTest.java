package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.StructureValidator;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
  @TempDir Path dir;

  private Path podLog() throws Exception {
    return new KubeletLogs(dir.resolve("var/log"))
        .container("ingress-nginx", "ingress-nginx-controller-7d9c8b6f5-x2x7q", "controller");
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

  @Test
  void aSplitLineIsStoredWholeAndOnceAcrossARestartBetweenItsParts() throws Exception {
    Path log = podLog();
    StringBuilder first = new StringBuilder();
    for (int n = 1; n <= 50; n++) {
      first.append(KubeletLogs.cri("stdout", KubeletLogs.access(n, 0)));
    }
    String longLine = KubeletLogs.cri("stdout", KubeletLogs.access(51, 40_000));
    int lastPart = longLine.lastIndexOf("2026-12-07T10:00:00.000000001Z stdout F ");
    KubeletLogs.append(log, first + longLine.substring(0, lastPart)
        + KubeletLogs.cri("stderr", "2026/12/07 10:00:00 [error] 31#31: *5 upstream timed out"));

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
    KubeletLogs.append(log, longLine.substring(lastPart));
    for (int n = 52; n <= 60; n++) {
      KubeletLogs.append(log, KubeletLogs.cri("stdout", KubeletLogs.access(n, 0)));
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
