package dev.livelog.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.tls.TestCertificates;
import dev.livelog.app.tls.TestCertificates.Issued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster.tls} with real clustered JVMs on loopback: two livelog nodes whose
 * certificates the cluster's CA signed exchange lines, checkpoints and datapoints over the
 * event bus; a third process that joins the same Hazelcast cluster (which has no TLS of its
 * own) with a certificate of another CA, or with none, receives no datapoint and cannot save
 * a checkpoint. The same probe with the cluster's certificate does both, so the refusals are
 * the bus's TLS, not a broken probe.
 */
class ClusterTlsTest {
  private static final String DATAPOINTS = "livelog.analytics.1s";
  private static final long MIN_OUTSIDER_LISTEN_MILLIS = 8_000;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void onlyProcessesWithACertificateOfTheClustersCaSendAndReceive() throws Exception {
    Path tls = dir.resolve("tls");
    Issued ca = TestCertificates.authority(tls, "livelog-cluster-ca");
    Issued outsiderCa = TestCertificates.authority(tls, "another-ca");
    try (ClusterFixture cluster = new ClusterFixture(dir)) {
      cluster.start("analyzer", "source,parser,analyzer", tlsOf(ca, tls, "analyzer"));
      // Ready means the store, on the analyzer, answered this node over the bus.
      LivelogProcess web = cluster.start("web", "web", tlsOf(ca, tls, "web"));
      cluster.startWriting(40);
      assertThat(bridgeMessages(web, DATAPOINTS, Duration.ofSeconds(4)))
          .as("datapoints from the analyzer reach the web node").isPositive();

      Map<String, String> member = probe(cluster, "member", tlsOf(ca, tls, "member"), 60_000).get();
      assertThat(Long.parseLong(member.get("received"))).as("member datapoints: " + member).isPositive();
      // The outsiders listen side by side, for three times as long as the member waited for its
      // first datapoint (at least 8 s): to show that nothing comes, not that it came late.
      long listen = Math.max(MIN_OUTSIDER_LISTEN_MILLIS, 3 * Long.parseLong(member.get("firstAfterMillis")));
      CompletableFuture<Map<String, String>> otherCa =
          probe(cluster, "outsider-ca", tlsOf(outsiderCa, tls, "outsider"), listen);
      CompletableFuture<Map<String, String>> plain = probe(cluster, "outsider-plain", "", listen);
      List<Map<String, String>> outsiders = List.of(otherCa.get(), plain.get());
      cluster.stopWriting();

      assertThat(member).as("a process with the cluster's certificate")
          .containsEntry("checkpoint", "saved");
      assertThat(cluster.checkpoint("member")).isNotNull();
      for (Map<String, String> outsider : outsiders) {
        assertThat(Integer.parseInt(outsider.get("members"))).as(outsider + ": it joined Hazelcast")
            .isGreaterThanOrEqualTo(3);
        assertThat(outsider.get("received")).as(outsider + ": datapoints").isEqualTo("0");
        assertThat(outsider.get("checkpoint")).as(outsider + ": checkpoint").startsWith("failed");
      }
      assertThat(cluster.checkpoint("outsider-ca")).isNull();
      assertThat(cluster.checkpoint("outsider-plain")).isNull();
      assertThat(bridgeMessages(web, DATAPOINTS, Duration.ofSeconds(3)))
          .as("the members still exchange datapoints").isPositive();
    }
  }

  /** The cluster entries for a node with its own certificate signed by {@code ca}, and its bus port. */
  private static String tlsOf(Issued ca, Path dir, String node) throws Exception {
    Issued cert = TestCertificates.signedBy(ca, dir, node + "-of-" + ca.certFile().getFileName(), "127.0.0.1");
    return ", bus_port: " + LivelogProcess.freePort() + ", tls: {ca: \"" + ca.certFile()
        + "\", cert: \"" + cert.certFile() + "\", key: \"" + cert.keyFile() + "\"}";
  }

  /** Runs {@link dev.livelog.app.BusProbe} with the cluster's config and these cluster entries. */
  private CompletableFuture<Map<String, String>> probe(ClusterFixture cluster, String name,
      String clusterEntries, long listenMillis) throws Exception {
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, cluster.config(clusterEntries));
    Path out = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-cp", System.getProperty("java.class.path"), "dev.livelog.app.BusProbe",
        config.toString(), DATAPOINTS, Long.toString(listenMillis), "3", name)
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    return CompletableFuture.supplyAsync(() -> results(name, process, out, listenMillis));
  }

  private static Map<String, String> results(String name, Process process, Path out, long listenMillis) {
    try {
      return readResults(name, process, out, listenMillis);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Its results, once it exits: a JVM start and a join (a minute or more on a loaded machine), listening, a request. */
  private static Map<String, String> readResults(String name, Process process, Path out, long listenMillis)
      throws Exception {
    if (!process.waitFor(listenMillis + 300_000, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish:\n" + Files.readString(out));
    }
    Map<String, String> results = new HashMap<>();
    for (String line : Files.readAllLines(out)) {
      int eq = line.indexOf('=');
      if (eq > 0 && List.of("members", "received", "firstAfterMillis", "checkpoint").contains(line.substring(0, eq))) {
        results.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    assertThat(results).as(name + " output:\n" + Files.readString(out)).containsKeys("members", "received", "checkpoint");
    results.put("name", name);
    return results;
  }

  /** Messages a client of {@code web}'s bridge gets on {@code address} within {@code time}. */
  private static int bridgeMessages(LivelogProcess web, String address, Duration time) throws Exception {
    AtomicInteger messages = new AtomicInteger();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + web.port() + "/eventbus/websocket"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            count(data);
            return WebSocket.Listener.super.onText(ws, data, last);
          }

          @Override
          public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            count(java.nio.charset.StandardCharsets.UTF_8.decode(data));
            return WebSocket.Listener.super.onBinary(ws, data, last);
          }

          private void count(CharSequence frame) {
            if (frame.toString().contains("\"address\":\"" + address + "\"")) {
              messages.incrementAndGet();
            }
          }
        }).get(10, TimeUnit.SECONDS);
    socket.sendText("{\"type\":\"register\",\"address\":\"" + address + "\"}", true).get(5, TimeUnit.SECONDS);
    Thread.sleep(time.toMillis());
    socket.abort();
    return messages.get();
  }
}
