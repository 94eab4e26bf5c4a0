package dev.livelog.alert;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.StructureValidator;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert verticle on a Vert.x of its own, fed datapoints on the bus as the analyzer
 * publishes them, notifying a real HTTP receiver on loopback; its store is the embedded one.
 */
class AlertVerticleTest {
  @TempDir Path dir;
  private Vertx vertx;
  private EventStore store;
  private WebhookSink sink;
  private final List<JsonObject> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
    sink = new WebhookSink();
    result(vertx.eventBus().<JsonObject>consumer(Addresses.ALERTS, m -> published.add(m.body())).completion());
  }

  @AfterEach
  void stop() {
    sink.close();
    result(store.close());
    result(vertx.close());
  }

  private LivelogConfig config(String rule) {
    return config(rule, "webhook");
  }

  private LivelogConfig config(String rule, String kind) {
    LivelogConfig config = ConfigLoader.parse("""
        periods: [{name: 1s, interval: 1s, window: 2s}]
        groups:
          status: {analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 5xx]}]}
        notify:
          external_url: https://livelog.example.com/
          receivers:
            ops: {kind: %s, url: "%s", bearer_token_env: HOOK_TOKEN}
        alerts:
          errors: %s
        """.formatted(kind, sink.url(), rule), Map.of());
    StructureValidator.validate(config);
    return config;
  }

  private String deploy(LivelogConfig config) throws InterruptedException {
    AlertVerticle verticle = new AlertVerticle(config, store, Map.of("HOOK_TOKEN", "s3cret"));
    String id = result(vertx.deployVerticle(verticle));
    long deadline = System.currentTimeMillis() + 10_000;
    while (verticle.status().getJsonArray("held").isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(verticle.status().getJsonArray("held")).as("the rule's lease").containsExactly("errors");
    return id;
  }

  private void publish(long time, double fivexx) {
    vertx.eventBus().publish(Addresses.analytics("1s"), new Datapoint("1s", "status", time, 100,
        Map.of("2xx", 100 - fivexx, "5xx", fivexx)).toJson());
  }

  /** Publishes one datapoint a second from {@code t0}, waiting a little between them. */
  private long publishAll(long t0, double... fivexx) throws InterruptedException {
    long t = t0;
    for (double v : fivexx) {
      publish(t, v);
      t += 1_000;
      Thread.sleep(30);
    }
    return t;
  }

  @Test
  void aSpikeIsNotifiedOnceFiringAndOnceResolvedInAlertmanagersFormat() throws Exception {
    deploy(config("{group: status, series: 5xx, above: 5, for: 2s, keep_firing_for: 0s, severity: critical,"
        + " labels: {team: web}, annotations: {summary: '5xx at {{ $value }}%'}}"));
    long t0 = System.currentTimeMillis() + 60_000;
    publishAll(t0, 1, 9, 9);
    Thread.sleep(300);
    assertThat(sink.attempts()).as("pending does not notify").isZero();
    assertThat(published).extracting(a -> a.getString("state")).containsExactly("pending");
    publishAll(t0 + 3_000, 9, 9, 1, 1);
    assertThat(sink.await(n -> n.size() >= 2, Duration.ofSeconds(10))).isTrue();
    Thread.sleep(300);
    assertThat(sink.statuses()).containsExactly("firing 5xx", "resolved 5xx");

    JsonObject firing = sink.accepted().get(0);
    assertThat(firing.getString("version")).isEqualTo("4");
    assertThat(firing.getString("receiver")).isEqualTo("ops");
    assertThat(firing.getString("externalURL")).isEqualTo("https://livelog.example.com");
    assertThat(firing.getString("groupKey")).isEqualTo("{}:{alertname=\"errors\", group=\"status\","
        + " period=\"1s\", series=\"5xx\", severity=\"critical\", team=\"web\"}");
    assertThat(firing.getJsonObject("commonLabels").getString("team")).isEqualTo("web");
    assertThat(firing.getInteger("truncatedAlerts")).isZero();
    JsonObject alert = firing.getJsonArray("alerts").getJsonObject(0);
    assertThat(alert.getString("status")).isEqualTo("firing");
    assertThat(alert.getJsonObject("annotations").getString("summary")).isEqualTo("5xx at 9.00%");
    assertThat(alert.getString("startsAt")).isEqualTo(java.time.Instant.ofEpochMilli(t0 + 3_000).toString());
    assertThat(alert.getString("endsAt")).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(alert.getString("fingerprint")).matches("[0-9a-f]{16}");
    assertThat(alert.getString("generatorURL"))
        .startsWith("https://livelog.example.com/?group=status&from=");
    JsonObject resolved = sink.accepted().get(1).getJsonArray("alerts").getJsonObject(0);
    assertThat(resolved.getString("status")).isEqualTo("resolved");
    assertThat(resolved.getString("endsAt")).isEqualTo(java.time.Instant.ofEpochMilli(t0 + 5_000).toString());
    assertThat(resolved.getString("fingerprint")).isEqualTo(alert.getString("fingerprint"));
    assertThat(sink.authorizations()).containsOnly("Bearer s3cret");
    assertThat(published).extracting(a -> a.getString("state")).contains("pending", "firing", "resolved");
    awaitRecords(0);
  }

  @Test
  void aFlapInsideForNeverNotifies() throws Exception {
    deploy(config("{group: status, series: 5xx, above: 5, for: 3s}"));
    long t0 = System.currentTimeMillis() + 60_000;
    publishAll(t0, 9, 9, 1, 9, 9, 9, 1, 9, 1, 9, 9);
    Thread.sleep(500);
    assertThat(sink.attempts()).isZero();
    assertThat(published).extracting(a -> a.getString("state")).doesNotContain("firing");
  }

  @Test
  void nothingIsSentTwiceAfterARestartMidAlert() throws Exception {
    LivelogConfig config = config("{group: status, series: 5xx, above: 5, keep_firing_for: 0s}");
    String first = deploy(config);
    long t0 = System.currentTimeMillis() + 60_000;
    long t = publishAll(t0, 9, 9);
    assertThat(sink.await(n -> n.size() == 1, Duration.ofSeconds(10))).isTrue();
    awaitTold("firing");
    result(vertx.undeploy(first));

    deploy(config);
    t = publishAll(t, 9, 9, 9);
    Thread.sleep(500);
    assertThat(sink.statuses()).as("still firing after the restart: not sent again").containsExactly("firing 5xx");
    publishAll(t, 1);
    assertThat(sink.await(n -> n.size() == 2, Duration.ofSeconds(10))).isTrue();
    Thread.sleep(300);
    assertThat(sink.statuses()).containsExactly("firing 5xx", "resolved 5xx");
    assertThat(sink.accepted().get(1).getJsonArray("alerts").getJsonObject(0).getString("startsAt"))
        .as("the same alert: it started before the restart")
        .isEqualTo(java.time.Instant.ofEpochMilli(t0).toString());
  }

  @Test
  void whatWasNotDeliveredBeforeARestartIsSentAfterIt() throws Exception {
    LivelogConfig config = config("{group: status, series: 5xx, above: 5, keep_firing_for: 0s}");
    sink.failNext(1_000);
    String first = deploy(config);
    long t = publishAll(System.currentTimeMillis() + 60_000, 9);
    long deadline = System.currentTimeMillis() + 10_000;
    while (sink.attempts() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    awaitRecords(1);
    result(vertx.undeploy(first));
    sink.failNext(0);
    deploy(config);
    assertThat(sink.await(n -> n.size() == 1, Duration.ofSeconds(10))).isTrue();
    publishAll(t, 9, 9);
    Thread.sleep(500);
    assertThat(sink.statuses()).containsExactly("firing 5xx");
  }

  @Test
  void aFailingReceiverGetsTheNotificationOnceItAnswers() throws Exception {
    sink.failNext(2);
    deploy(config("{group: status, series: 5xx, above: 5}"));
    publishAll(System.currentTimeMillis() + 60_000, 9);
    assertThat(sink.await(n -> n.size() == 1, Duration.ofSeconds(15))).isTrue();
    Thread.sleep(300);
    assertThat(sink.attempts()).as("two refused (503), retried after 1 s and 2 s").isEqualTo(3);
    assertThat(sink.statuses()).containsExactly("firing 5xx");
  }

  @Test
  void anAlertmanagerIsPostedItsV2AlertsAndToldAgainAfterARestart() throws Exception {
    LivelogConfig config = config("{group: status, series: 5xx, above: 5, keep_firing_for: 0s}", "alertmanager");
    String first = deploy(config);
    long t = publishAll(System.currentTimeMillis() + 60_000, 9);
    long before = System.currentTimeMillis();
    assertThat(sink.await(n -> sink.bodies().size() == 1, Duration.ofSeconds(10))).isTrue();
    assertThat(sink.paths()).containsExactly("/hook/api/v2/alerts");
    io.vertx.core.json.JsonArray posted = new io.vertx.core.json.JsonArray(sink.bodies().get(0));
    JsonObject alert = posted.getJsonObject(0);
    assertThat(alert.getJsonObject("labels").getString("alertname")).isEqualTo("errors");
    assertThat(alert.getString("generatorURL")).startsWith("https://livelog.example.com/?group=status");
    long endsAt = java.time.Instant.parse(alert.getString("endsAt")).toEpochMilli();
    assertThat(endsAt).as("four minutes ahead: the Alertmanager resolves it if livelog stops telling")
        .isBetween(before + 230_000, System.currentTimeMillis() + 240_000);
    awaitTold("firing");
    result(vertx.undeploy(first));

    deploy(config);
    assertThat(sink.await(n -> sink.bodies().size() == 2, Duration.ofSeconds(10)))
        .as("a firing alert is told again: an Alertmanager forgets what it is not told").isTrue();
    publishAll(t, 1);
    assertThat(sink.await(n -> sink.bodies().size() == 3, Duration.ofSeconds(10))).isTrue();
    JsonObject resolved = new io.vertx.core.json.JsonArray(sink.bodies().get(2)).getJsonObject(0);
    assertThat(java.time.Instant.parse(resolved.getString("endsAt")).toEpochMilli()).isEqualTo(t);
  }

  @Test
  void aWebhookUrlFromTheEnvironmentThatIsNoUrlStopsTheStartWithoutShowingIt() {
    LivelogConfig config = ConfigLoader.parse("""
        periods: [{name: 1s, interval: 1s, window: 2s}]
        groups:
          status: {analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 5xx]}]}
        notify:
          receivers:
            ops: {url_env: HOOK_URL}
        alerts:
          errors: {group: status, series: 5xx, above: 5}
        """, Map.of());
    StructureValidator.validate(config);
    Throwable failed = dev.livelog.common.Await.failure(vertx.deployVerticle(
        new AlertVerticle(config, store, Map.of("HOOK_URL", "hooks.example.com/services/T0KEN"))));
    assertThat(failed).isInstanceOf(dev.livelog.common.config.ConfigException.class)
        .hasMessageStartingWith("notify.receivers.ops.url_env: the environment variable HOOK_URL does not hold")
        .hasMessageNotContaining("T0KEN");
  }

  private void awaitTold(String state) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<AlertRecord> records = result(store.alertRecords());
      if (records.size() == 1 && state.equals(records.get(0).body().getJsonObject("told").getString("ops"))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no record of the receiver told " + state + ": " + result(store.alertRecords()));
  }

  private void awaitRecords(int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (result(store.alertRecords()).size() != n && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(result(store.alertRecords())).hasSize(n);
  }
}
