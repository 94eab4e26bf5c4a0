package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.analyzer.metric.PanelFigure;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Burn rates on a written sample, against values worked out by hand: an SLO of 99 % of the
 * API's requests without a 5xx (a budget of 1 % bad), over the datapoint's window and over
 * live windows of 1 and 10 minutes.
 */
class BurnRateTest {
  private static final String CONFIG = """
      periods: [{interval: 5s}]
      groups:
        api:
          where: {path: {regex: '^/api'}}
          analyzers:
            - {label: slo, metric: burn_rate, objective: 99, good: {status: {lt: 500}}, windows: [[1m, 10m]]}
        latency:
          analyzers:
            - {label: fast, metric: burn_rate, objective: 90, good: {request_time: {le: 0.3}}, windows: [5m]}
      """;
  private static final FieldSchema SCHEMA = FieldSchema.of("path", "status", "request_time");
  private static final long T = 1_764_064_800_000L; // the tick: windows end here
  @TempDir Path dir;
  private long offset;

  /** {@code n} requests at {@code time}, {@code bad} of them answered 503, the rest 200. */
  private void add(List<LogEvent> events, long time, String path, int n, int bad) {
    for (int i = 0; i < n; i++) {
      events.add(new LogEvent("web", offset++, time, SCHEMA,
          new Object[] {path, i < bad ? 503 : 200, i % 4 == 0 ? 0.5 : 0.1}));
    }
  }

  /**
   * 1000 API requests over the last 10 minutes, 14 of them failing: 900 (9 bad) from 10 min to
   * 1 min ago, 80 (3 bad) in the minute before the last 10 s, 20 (2 bad) in the last 10 s; and
   * 50 failing requests outside the API that the group leaves out.
   */
  private List<LogEvent> sample() {
    List<LogEvent> events = new ArrayList<>();
    for (int s = 0; s < 9; s++) {
      add(events, T - 600_000 + s * 60_000, "/api/items", 100, 1);
    }
    add(events, T - 50_000, "/api/items", 80, 3);
    add(events, T - 5_000, "/api/items", 20, 2);
    add(events, T - 30_000, "/static/app.js", 50, 50);
    return events;
  }

  private static Map<String, Double> live(LivelogConfig config, List<LogEvent> events, String group) {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    events.forEach(e -> engine.accept(e, T));
    return engine.tick(config.periods().get(0), T).stream().filter(p -> p.group().equals(group))
        .findFirst().orElseThrow().values();
  }

  @Test
  void burnRatesEqualHandComputedOnes() {
    LivelogConfig config = ConfigLoader.parse(CONFIG);
    Map<String, Double> api = live(config, sample(), "api");
    // Budget: 1 % bad. Last 10 s (the 5 s period's window): 2 bad of 20 = 10 % -> 10x.
    assertThat(api.get("slo")).isCloseTo(10.0, within(1e-9));
    // Last minute: 3 + 2 bad of 80 + 20 = 5 % -> 5x.
    assertThat(api.get("slo 1m")).isCloseTo(5.0, within(1e-9));
    // Last 10 minutes: 9 + 3 + 2 = 14 bad of 1000 = 1.4 % -> 1.4x.
    assertThat(api.get("slo 10m")).isCloseTo(1.4, within(1e-9));
    // Both windows burn at least 1.4x.
    assertThat(api.get("slo 1m&10m")).isCloseTo(1.4, within(1e-9));
    assertThat(api.keySet()).containsExactly("slo", "slo 1m", "slo 10m", "slo 1m&10m");

    // Latency: 90 % within 0.3 s (a budget of 10 % slow); every 4th request of a batch takes
    // 0.5 s. The last 10 s: 20 requests, 5 slow = 25 % -> 2.5x.
    Map<String, Double> latency = live(config, sample(), "latency");
    assertThat(latency.get("fast")).isCloseTo(2.5, within(1e-9));
    // The last 5 minutes, [T-5m, T): 4 API batches of 100 (25 slow each), 80 (20 slow), 20 (5),
    // and the 50 static requests (13 slow): 138 slow of 550.
    assertThat(latency.get("fast 5m")).isCloseTo(138.0 / 550 / 0.1, within(1e-9));
  }

  @Test
  void storedEventsWarmTheLookbacksAfterAStartWithoutCountingAsLate() {
    LivelogConfig config = ConfigLoader.parse(CONFIG);
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    assertThat(engine.longestSpanSeconds()).as("the 10 minute window").isEqualTo(600);
    sample().forEach(e -> engine.warm(e, T));
    Map<String, Double> api = engine.tick(config.periods().get(0), T).get(0).values();
    assertThat(api.get("slo 10m")).isCloseTo(1.4, within(1e-9));
    assertThat(engine.late()).isZero();
    assertThat(engine.lateFor("5s")).isZero();
  }

  @Test
  void withoutEventsThereIsNoBurnRate() {
    Map<String, Double> api = live(ConfigLoader.parse(CONFIG), List.of(), "api");
    assertThat(api).containsEntry("slo", null).containsEntry("slo 1m", null).containsEntry("slo 1m&10m", null);
  }

  @Test
  void theStoreGivesTheWindowsBurnRateAndThePanelTheBudgetLeft() throws Exception {
    LivelogConfig config = ConfigLoader.parse(CONFIG);
    Vertx vertx = Vertx.vertx();
    EventStore store = DuckDbEventStore.inDirectory(vertx, dir);
    try {
      result(store.open());
      List<LogEvent> events = sample();
      result(store.append(List.of(new EventBatch(new SourceOrigin("web", "h", "/p", "1-2"), 0,
          offset, events.size(), events))));
      StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);
      // One bucket over the 10 minutes: the burn rate over them, as the panel asks for its budget.
      List<Datapoint> whole = result(stored.query(stored.plan("api"), "10m", T - 600_000, T, 600_000,
          Deadline.after(QueryLimits.DEADLINE)));
      assertThat(whole.get(0).values().get("slo")).isCloseTo(1.4, within(1e-9));
      assertThat(whole.get(0).values().get("slo 1m")).as("live windows only").isNull();
      PanelFigure budget = stored.plan("api").figures().get(0);
      assertThat(budget.offset() + budget.scale() * 1.4).as("budget left, percent").isCloseTo(-40.0, within(1e-9));
      assertThat(budget.title()).isEqualTo("error budget left over 30d");
      assertThat(budget.series()).isEqualTo("slo");

      PeriodConfig fiveSeconds = config.periods().get(0);
      List<List<Datapoint>> backfilled = result(stored.backfill(fiveSeconds, T, T));
      Datapoint api = backfilled.get(0).stream().filter(p -> p.group().equals("api")).findFirst().orElseThrow();
      assertThat(api.values().get("slo")).as("a backfilled tick's window").isCloseTo(10.0, within(1e-9));
    } finally {
      result(store.close());
      result(vertx.close());
    }
  }

  @Test
  void aBurnRateNamesWhatIsWrongWithIt() {
    assertThat(failure("{label: s, metric: burn_rate, good: {status: {lt: 500}}}"))
        .startsWith("groups.g.analyzers[0].objective: required");
    assertThat(failure("{label: s, metric: burn_rate, objective: 100, good: {status: {lt: 500}}}"))
        .startsWith("groups.g.analyzers[0].objective: required");
    assertThat(failure("{label: s, metric: burn_rate, objective: 99.9}"))
        .startsWith("groups.g.analyzers[0].good: required");
    assertThat(failure("{label: s, metric: burn_rate, objective: 99.9, good: {status: {below: 500}}}"))
        .startsWith("groups.g.analyzers[0].good.where.status.below: unknown condition");
    assertThat(failure("{label: s, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}, windows: [[5m, 1d]]}"))
        .startsWith("groups.g.analyzers[0].windows[0]: whole seconds, from 1s to 6h");
    assertThat(failure("{label: s, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}, windows: [soon]}"))
        .startsWith("groups.g.analyzers[0].windows[0]: expected a duration");
    assertThat(failure("{metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}, by: host}"))
        .startsWith("groups.g.analyzers[0].by: a burn rate is one SLO");
    assertThat(failure("{label: s, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}, where: {path: /a}}"))
        .startsWith("groups.g.analyzers[0].where: a burn rate is over the group's events");
  }

  private static String failure(String analyzer) {
    try {
      AnalyzerPlans.validate(ConfigLoader.parse("groups: {g: {analyzers: [" + analyzer + "]}}"));
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + analyzer);
  }
}
