package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ingress-nginx's access logs on a node, followed with the source of the ingress-nginx
 * DaemonSet's config as shipped (k8s/optional/ingress-nginx-logs): every
 * {@code /var/log/containers} link, selected by namespace and container, stdout only, locally and on an SSH host (a real SSH server on
 * loopback). A new controller pod is picked up, the kubelet's rotations while livelog runs
 * and while it is stopped lose and double nothing (a link's rotations are beside its target),
 * other pods, other containers of the pod and the error log on stderr are left out, and
 * nothing becomes a dead letter.
 */
class KubernetesIngressLogsTest {
  private static final String POD_A = "ingress-nginx-controller-7d9c8b6f5-x2x7q";
  private static final String POD_B = "ingress-nginx-controller-7d9c8b6f5-k8m2n";
  private static final String SHIPPED = "k8s/optional/ingress-nginx-logs/livelog-ingress.yaml";

  @TempDir Path dir;
  private SshFixture ssh;
  private KubeletLogs kubelet;

  @BeforeEach
  void start() throws Exception {
    ssh = new SshFixture(dir);
    kubelet = new KubeletLogs(dir.resolve("var/log"));
  }

  @AfterEach
  void stop() throws Exception {
    ssh.close();
  }

  /**
   * The source of the DaemonSet's config as shipped (its selection, stream and format), on
   * this test's /var/log, read from the start, here or on the SSH host.
   */
  private LivelogConfig config(String where) throws Exception {
    Path shipped = Path.of("").toAbsolutePath();
    while (!Files.exists(shipped.resolve(SHIPPED))) {
      shipped = shipped.getParent();
    }
    JsonNode daemonSet = K8sManifests.YAML.readTree(shipped.resolve(SHIPPED).toFile());
    ObjectNode source = daemonSet.path("sources").get(0).deepCopy();
    source.set("format", daemonSet.path("formats").path(source.path("format").asText()));
    source.put("id", "ingress").put("from", "start").put("path", source.path("path").asText()
        .replace("/var/log/containers", kubelet.containers().toString()));
    if (where.equals("ssh")) {
      source.put("host", "h1");
    }
    return ssh.config("  - " + new ObjectMapper().writeValueAsString(source) + "\n", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "ssh"})
  void everyControllerPodsAccessLogOnceAcrossRotationsAndRestarts(String where) throws Exception {
    Path a = kubelet.container("ingress-nginx", POD_A, "controller");
    Path sidecar = kubelet.container("ingress-nginx", POD_A, "metrics");
    Path shop = kubelet.container("shop", "web-5f7b9c6d8-abcde", "controller");
    KubeletLogs.requests(a, 1, 50);
    KubeletLogs.requests(sidecar, 9001, 9010);
    KubeletLogs.requests(shop, 9101, 9110);

    LivelogNode node = SshFixture.start(config(where));
    Path b;
    try {
      SshFixture.await("pod a's first requests", 30_000, () -> SshFixture.count(node) == 50);
      KubeletLogs.append(a, KubeletLogs.cri("stdout", KubeletLogs.access(51, 40_000)));
      KubeletLogs.requests(a, 52, 60);
      KubeletLogs.rotate(a, "20261207-101500"); // while running
      KubeletLogs.requests(a, 61, 80);
      b = kubelet.container("ingress-nginx", POD_B, "controller"); // a new controller pod
      KubeletLogs.requests(b, 81, 100);
      SshFixture.await("100 requests stored", 30_000, () -> SshFixture.count(node) == 100);
      JsonObject status = node.sourceStatuses().get(0);
      assertThat(status.getInteger("filesFollowed")).isEqualTo(2);
      assertThat(status.getLong("linesSkipped")).as("stderr's error lines").isPositive();
    } finally {
      SshFixture.stop(node);
    }

    KubeletLogs.requests(a, 101, 120); // while stopped: appended, rotated, appended again
    KubeletLogs.rotate(a, "20261207-101600");
    KubeletLogs.requests(a, 121, 130);
    KubeletLogs.requests(b, 131, 140);

    LivelogNode again = SshFixture.start(config(where));
    try {
      SshFixture.await("140 requests stored", 60_000, () -> SshFixture.count(again) == 140);
      Thread.sleep(1_500); // dead letters are saved every second
      List<LogEvent> events = SshFixture.events(again);
      assertThat(events).extracting(e -> (Long) e.get("body_bytes_sent")).as("each request once")
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 140).boxed().toList());
      for (LogEvent e : events) {
        long n = (Long) e.get("body_bytes_sent");
        assertThat(e.fields()).as("request " + n)
            .containsEntry("k8s.namespace", "ingress-nginx")
            .containsEntry("k8s.pod", (n > 80 && n <= 100) || n > 130 ? POD_B : POD_A)
            .containsEntry("k8s.container", "controller").containsEntry("stream", "stdout");
      }
      assertThat(events.stream().filter(e -> Long.valueOf(51).equals(e.get("body_bytes_sent")))
          .map(e -> (String) e.get("path")).findFirst().orElseThrow())
          .as("split by the runtime, stored whole").hasSize("/r/51/".length() + 40_000);
      assertThat(again.store().deadLetters(10).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS)).isEmpty();
      assertThat(again.sourceStatuses().get(0).getLong("filesLost")).isZero();
    } finally {
      SshFixture.stop(again);
    }
  }
}
