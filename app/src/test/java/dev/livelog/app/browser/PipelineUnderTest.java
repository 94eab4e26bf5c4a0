package dev.livelog.app.browser;

import static dev.livelog.common.Await.result;

import dev.livelog.app.ConfigCheck;
import dev.livelog.app.LivelogNode;
import dev.livelog.app.Role;
import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.WebAuthConfig;
import dev.livelog.common.config.WebConfig;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import dev.livelog.web.WebVerticle;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole pipeline in this JVM, fed by a file source in the seed's cache format: the
 * example config's plot groups (stacked shares, lines of averages) plus a rate drawn as an
 * area, a top-N style table and bars of one upstream with the rest as {@code other}, at a 1 s
 * and a 3 s period. The web
 * verticle is deployed on its own so a test can stop and restart the server the page talks to
 * while the analyzer keeps ticking. Every datapoint the analyzer publishes is recorded, to
 * compare with what the page shows.
 */
final class PipelineUnderTest implements AutoCloseable {
  static final String FAST = "1s";
  static final String SLOW = "3s";
  private static final String MORE_GROUPS = """
      groups:
        statuses:
          label: Requests by cache status
          format: "%d"
          chart: {type: table}
          analyzers:
            - {metric: count, by: status}
        upstreams:
          label: Requests by upstream, the busiest alone
          format: "%d"
          chart: {type: bar}
          analyzers:
            - {metric: count, by: ups_ad, max_series: 1, where: {ups_ad: {regex: '^10[.]'}}}
        rps:
          label: Requests per second
          format: "%.1f"
          chart: {type: area}
          analyzers:
            - {label: requests, metric: rate}
      """;

  final Path log;
  final LivelogConfig config;
  private final Map<String, String> environment;
  private final Map<String, Datapoint> published = new ConcurrentHashMap<>();
  private final AtomicLong parsed = new AtomicLong();
  private final LivelogNode node;
  private String webDeployment;
  private int port;

  PipelineUnderTest(Path dir, WebAuthConfig auth, Map<String, String> environment) throws Exception {
    this(dir, new WebConfig("127.0.0.1", 0, auth), environment);
  }

  /** {@code web}: the dashboard's settings; its port is picked when the server first starts. */
  PipelineUnderTest(Path dir, WebConfig web, Map<String, String> environment) throws Exception {
    this(dir, web, environment, "");
  }

  /** {@code alerts}: YAML with alert rules (and receivers) to add, or "". */
  PipelineUnderTest(Path dir, WebConfig web, Map<String, String> environment, String alerts) throws Exception {
    this(dir, web, environment, alerts, List.of());
  }

  /** {@code morePeriods}: periods after the 3 s and 1 s ones. */
  PipelineUnderTest(Path dir, WebConfig web, Map<String, String> environment, String alerts,
      List<PeriodConfig> morePeriods) throws Exception {
    this.log = Files.createFile(dir.resolve("cache.log"));
    LivelogConfig withAlerts = ConfigLoader.parse(alerts);
    LivelogConfig base = config(dir, log, web);
    List<PeriodConfig> periods = new java.util.ArrayList<>(base.periods());
    periods.addAll(morePeriods);
    this.config = base.withPeriods(periods).withAlerts(withAlerts.alerts(), withAlerts.notifications());
    this.environment = environment;
    ConfigCheck.validate(config);
    node = result(LivelogNode.start(config, EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false));
    node.vertx().eventBus().<EventBatch>localConsumer(Addresses.EVENTS,
        message -> parsed.addAndGet(message.body().events().size()));
    for (PeriodConfig period : config.periods()) {
      node.vertx().eventBus().<JsonObject>consumer("livelog.analytics." + period.name(), message -> {
        Datapoint p = Datapoint.fromJson(message.body());
        published.put(key(p.period(), p.group(), p.time()), p);
      });
    }
    startWeb();
  }

  private static LivelogConfig config(Path dir, Path log, WebConfig web) throws Exception {
    LivelogConfig example = DemoCommand.exampleConfig();
    Map<String, dev.livelog.common.config.GroupConfig> groups = new LinkedHashMap<>(example.groups());
    groups.putAll(ConfigLoader.parse(MORE_GROUPS).groups());
    LivelogConfig withTable = new LivelogConfig(example.hosts(), example.formats(), example.sources(),
        example.periods(), groups, example.storage(), example.web(), example.pipeline(), example.cluster());
    return withTable
        .withSources(List.of(SourceConfig.file("cache", log.toString(), "nginx_cache", "start")))
        .withPeriods(List.of(
            new PeriodConfig(SLOW, Duration.ofSeconds(3), Duration.ofSeconds(6), 20),
            new PeriodConfig(FAST, Duration.ofSeconds(1), Duration.ofSeconds(6), 30)))
        .withStorage(EmbeddedStoreKind.inDirectory(dir.resolve("data").toString()))
        .withWeb(web);
  }

  /** Starts the web server: on a free port the first time, on the same port afterwards. */
  void startWeb() throws Exception {
    WebVerticle web = new WebVerticle(config.withWeb(config.web().withPort(port)), environment);
    webDeployment = result(node.vertx().deployVerticle(web));
    port = web.actualPort();
  }

  void stopWeb() throws Exception {
    result(node.vertx().undeploy(webDeployment));
  }

  String url(String path) {
    return (config.web().tls() == null ? "http" : "https") + "://127.0.0.1:" + port + path;
  }

  int port() {
    return port;
  }

  /** The store the analyzer writes to (events, datapoints). */
  dev.livelog.store.EventStore store() {
    return node.store();
  }

  void append(List<String> lines) throws Exception {
    Files.write(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Events the parser published since start. */
  long parsedEvents() {
    return parsed.get();
  }

  /** What the analyzer published for a group at a tick, or null. */
  Datapoint published(String period, String group, long time) {
    return published.get(key(period, group, time));
  }

  /** The newest tick the analyzer published for a period. */
  long newestTick(String period) {
    return published.values().stream().filter(p -> p.period().equals(period))
        .mapToLong(Datapoint::time).max().orElse(-1);
  }

  /** How many ticks the analyzer published for a group from {@code first} to {@code last}, inclusive. */
  long publishedTicks(String period, String group, long first, long last) {
    return published.values().stream()
        .filter(p -> p.period().equals(period) && p.group().equals(group))
        .filter(p -> p.time() >= first && p.time() <= last).count();
  }

  private static String key(String period, String group, long time) {
    return period + "/" + group + "/" + time;
  }

  @Override
  public void close() throws Exception {
    result(node.stop());
  }
}
