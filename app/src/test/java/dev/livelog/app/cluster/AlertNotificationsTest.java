package dev.livelog.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.alert.WebhookSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5xx spike written to a followed file, told to a real webhook receiver on loopback: one
 * firing notification, then one resolved, whatever happens in between: livelog restarted
 * (SIGTERM) mid-alert, or the analyzer holding the rule killed and its lease taken by another
 * clustered JVM. The store is MongoDB (a wire-protocol server in the test's JVM), shared by
 * the nodes, as a cluster's must be.
 */
class AlertNotificationsTest {
  private static final String ALERTS = """
      notify:
        receivers:
          ops: {url: "%s"}
      alerts:
        errors:
          group: status
          series: 5xx
          period: fast
          above: 20
          for: 2s
          severity: critical
          annotations: {summary: "5xx at {{ $value }}%% of requests"}
      """;

  @TempDir Path dir;

  @Test
  void oneFiringAndOneResolvedAcrossARestartMidAlert() throws Exception {
    try (WebhookSink sink = new WebhookSink();
        ClusterFixture livelog = new ClusterFixture(dir, ALERTS.formatted(sink.url()))) {
      LivelogProcess first = livelog.startAlone("first", "source,parser,analyzer,web");
      livelog.startWriting(200);
      Thread.sleep(3_000);
      assertThat(sink.attempts()).as("no alert on healthy traffic").isZero();

      livelog.errorPercent(50);
      assertThat(sink.await(n -> n.size() == 1, Duration.ofSeconds(30))).as(first.output()).isTrue();
      awaitTold(livelog, "firing");
      assertThat(first.output()).contains("alert errors [5xx] pending -> firing");
      assertThat(first.terminate(Duration.ofSeconds(15))).isZero();

      LivelogProcess second = livelog.startAlone("second", "source,parser,analyzer,web");
      Thread.sleep(5_000); // the spike goes on: the alert is still firing, and was told already
      assertThat(sink.statuses()).as(second.output()).containsExactly("firing 5xx");

      livelog.errorPercent(0);
      assertThat(sink.await(n -> n.size() == 2, Duration.ofSeconds(30))).as(second.output()).isTrue();
      Thread.sleep(3_000);
      assertThat(sink.statuses()).containsExactly("firing 5xx", "resolved 5xx");
      assertThat(second.output()).contains("alert errors [5xx] firing -> resolved")
          .doesNotContain("-> firing");
      assertThat(sink.accepted().get(0).getJsonObject("commonAnnotations").getString("summary"))
          .matches("5xx at \\d+\\.\\d\\d% of requests");
      awaitNoRecord(livelog);
    }
  }

  @Test
  void oneFiringAndOneResolvedWhenTheLeaseMovesToAnotherJvm() throws Exception {
    try (WebhookSink sink = new WebhookSink();
        ClusterFixture cluster = new ClusterFixture(dir, ALERTS.formatted(sink.url()))) {
      LivelogProcess active = cluster.start("analyzer-a", "analyzer");
      cluster.start("source-parser-web", "source,parser,web");
      cluster.startWriting(200);
      Thread.sleep(2_000);
      LivelogProcess standby = cluster.start("analyzer-b", "analyzer");

      cluster.errorPercent(50);
      assertThat(sink.await(n -> n.size() == 1, Duration.ofSeconds(30))).as(active.output()).isTrue();
      awaitTold(cluster, "firing");
      assertThat(active.output()).contains("alert errors [5xx] pending -> firing");
      active.kill();

      standby.awaitOutput("took lease alert:errors", Duration.ofSeconds(20));
      Thread.sleep(4_000); // the spike goes on under the new holder
      assertThat(sink.statuses()).as(standby.output()).containsExactly("firing 5xx");

      cluster.errorPercent(0);
      assertThat(sink.await(n -> n.size() == 2, Duration.ofSeconds(30))).as(standby.output()).isTrue();
      Thread.sleep(3_000);
      assertThat(sink.statuses()).containsExactly("firing 5xx", "resolved 5xx");
      assertThat(standby.output()).contains("alert errors [5xx] firing -> resolved");
      String fingerprint = sink.accepted().get(0).getJsonArray("alerts").getJsonObject(0).getString("fingerprint");
      assertThat(sink.accepted().get(1).getJsonArray("alerts").getJsonObject(0).getString("fingerprint"))
          .isEqualTo(fingerprint);
    }
  }

  /** Waits until the store says the receiver was told the alert's {@code state}. */
  private static void awaitTold(ClusterFixture cluster, String state) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    List<String> told = cluster.alertsTold("ops");
    while (!told.equals(List.of(state)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      told = cluster.alertsTold("ops");
    }
    assertThat(told).as("what the store says ops was told").containsExactly(state);
  }

  private static void awaitNoRecord(ClusterFixture cluster) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!cluster.alertsTold("ops").isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(cluster.alertsTold("ops")).as("a resolved alert every receiver got is forgotten").isEmpty();
  }
}
