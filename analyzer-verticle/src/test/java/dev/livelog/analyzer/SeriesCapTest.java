package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.QueryLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code by} without {@code values} over a field with thousands of distinct values: the
 * heaviest keep their series, the rest are folded into {@code other}, and the datapoint says
 * how many were folded; live, from stored events, and within the memory of a few series.
 */
class SeriesCapTest {
  private static final String GROUPS = """
      periods:
        - {name: 10s, interval: 10s, window: 10s}
      groups:
        paths:
          label: Requests by path
          analyzers:
            - {metric: count, by: path, max_series: 5}
        slow:
          label: Response time by path
          analyzers:
            - {label: rt, metric: percentile, field: rt, by: path, percentiles: [50]}
      """;
  private static final FieldSchema SCHEMA = FieldSchema.of("path", "rt");
  private static final long T0 = 1_764_064_800_000L;

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;

  /**
   * 3,000 requests in 10 s: /p0 to /p4 (200, 100, 60, 40, 30 of them), /p5 to /p59 ten each,
   * and 2,020 paths asked once; the response time is 1 s for the five heavy paths, 2 s else.
   */
  private static List<LogEvent> traffic() {
    List<String> paths = new ArrayList<>();
    int[] heavy = {200, 100, 60, 40, 30};
    for (int p = 0; p < heavy.length; p++) {
      for (int n = 0; n < heavy[p]; n++) {
        paths.add("/p" + p);
      }
    }
    for (int p = 5; p < 60; p++) {
      for (int n = 0; n < 10; n++) {
        paths.add("/p" + p);
      }
    }
    for (int i = 0; paths.size() < 3_000; i++) {
      paths.add("/once/" + i);
    }
    java.util.Collections.shuffle(paths, new java.util.Random(11));
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      double rt = path.matches("/p[0-4]") ? 1.0 : 2.0;
      events.add(new LogEvent("ng1", i * 100L, T0 + i * 10_000L / paths.size(), SCHEMA,
          new Object[] {path, rt}));
    }
    return events;
  }

  private static Datapoint live(LivelogConfig config, List<LogEvent> events, String group) {
    PeriodConfig period = config.periods().get(0);
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    events.forEach(e -> engine.accept(e, T0 + 10_000));
    return engine.tick(period, T0 + 10_000).stream().filter(p -> p.group().equals(group))
        .findFirst().orElseThrow();
  }

  @Test
  void theHeaviestKeepTheirSeriesAndTheRestAreFoldedIntoOther() {
    LivelogConfig config = ConfigLoader.parse(GROUPS);
    Datapoint point = live(config, traffic(), "paths");

    assertThat(point.values()).containsOnlyKeys("/p0", "/p1", "/p2", "/p3", "/p4", "other");
    // A path counts in its own series from when it is among the heaviest (a few events in,
    // here), in other before: nothing is lost, and every series is close to its path's count.
    Map<String, Integer> truth = Map.of("/p0", 200, "/p1", 100, "/p2", 60, "/p3", 40, "/p4", 30);
    truth.forEach((path, n) -> assertThat(point.values().get(path)).as(path).isBetween(n * 0.8, n * 1.0));
    double shown = truth.keySet().stream().mapToDouble(point.values()::get).sum();
    assertThat(point.values().get("other")).isEqualTo(3_000.0 - shown);
    // 55 paths of ten and 2,020 asked once (and the heavy ones' first events): estimated.
    assertThat(point.folded()).containsOnlyKeys("other");
    assertThat((double) point.folded().get("other")).isCloseTo(2_075, within(2_075 * 0.06));
    assertThat(point.toJson().getJsonObject("folded").getLong("other")).isEqualTo(point.folded().get("other"));
  }

  @Test
  void aPathThatBecomesHeavyGetsItsSeries() {
    LivelogConfig config = ConfigLoader.parse(GROUPS);
    PeriodConfig period = config.periods().get(0);
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    // 60 s of 200 requests a second: five steady paths and a tail of paths asked once; from
    // the 30th second on, /new takes a quarter of the traffic.
    java.util.Random random = new java.util.Random(5);
    long offset = 0;
    for (int second = 0; second < 60; second++) {
      for (int i = 0; i < 200; i++) {
        String path = second >= 30 && i % 4 == 0 ? "/new"
            : i % 2 == 0 ? "/p" + random.nextInt(5) : "/once/" + second + "-" + i;
        engine.accept(new LogEvent("ng1", offset++, T0 + second * 1_000L + i * 5L, SCHEMA,
            new Object[] {path, 1.0}), T0 + second * 1_000L + 999);
      }
    }
    Datapoint point = engine.tick(period, T0 + 60_000).stream()
        .filter(p -> p.group().equals("paths")).findFirst().orElseThrow();
    assertThat(point.values()).containsKey("/new").containsKey("other");
    assertThat(point.values().get("/new")).isEqualTo(500.0);
    assertThat(point.values().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2_000.0);
  }

  @Test
  void theDefaultCapIsFiftySeriesWhateverTheMetric() {
    Datapoint point = live(ConfigLoader.parse(GROUPS), traffic(), "slow");
    // 50 paths, each with its p50, and other's p50.
    assertThat(point.values()).hasSize(51).containsKey("rt other p50").containsEntry("rt /p0 p50", 1.0);
    assertThat(point.values().get("rt other p50")).isCloseTo(2.0, within(0.02));
  }

  @Test
  void fewValuesAreNeitherFoldedNorCounted() {
    List<LogEvent> events = traffic().stream().filter(e -> ((String) e.value(0)).matches("/p[0-4]")).toList();
    Datapoint point = live(ConfigLoader.parse(GROUPS), events, "paths");
    assertThat(point.values()).containsOnlyKeys("/p0", "/p1", "/p2", "/p3", "/p4");
    assertThat(point.folded()).isEmpty();
    assertThat(point.toJson().containsKey("folded")).isFalse();
  }

  @Test
  void maxSeriesIsCheckedWhereItIsWritten() {
    assertThatThrownBy(() -> AnalyzerPlans.compile(ConfigLoader.parse(GROUPS.replace("max_series: 5", "max_series: 0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("groups.paths.analyzers[0].max_series").hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> AnalyzerPlans.compile(ConfigLoader.parse(
        GROUPS.replace("{metric: count, by: path, max_series: 5}", "{label: all, metric: count, max_series: 5}"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("max_series").hasMessageContaining("only with 'by'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void storedQueriesFoldTheSameWayInABoundedNumberOfRows(String kind) throws Exception {
    List<LogEvent> events = traffic();
    EventStore store = STORES.holding(kind, dir, events);
    LivelogConfig config = ConfigLoader.parse(GROUPS);
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);

    Datapoint point = result(stored.query(stored.plan("paths"), "10s", T0, T0 + 10_000, 10_000,
        Deadline.after(QueryLimits.DEADLINE))).get(0);
    assertThat(point.values()).containsOnlyKeys("/p0", "/p1", "/p2", "/p3", "/p4", "other");
    assertThat(point.values()).containsEntry("/p0", 200.0).containsEntry("other", 3_000.0 - 430);
    // One stored bucket: the store counted the folded keys exactly.
    assertThat(point.folded()).isEqualTo(Map.of("other", 2_075L));

    Datapoint slow = result(stored.query(stored.plan("slow"), "10s", T0, T0 + 10_000, 10_000,
        Deadline.after(QueryLimits.DEADLINE))).get(0);
    assertThat(slow.values()).hasSize(51).containsEntry("rt /p0 p50", 1.0);
    assertThat(slow.values().get("rt other p50")).isCloseTo(2.0, within(0.02));

    PeriodConfig period = new PeriodConfig("10s", Duration.ofSeconds(10), Duration.ofSeconds(10), 10);
    Datapoint backfilled = result(stored.backfill(period, T0 + 10_000, T0 + 10_000)).get(0).stream()
        .filter(p -> p.group().equals("paths")).findFirst().orElseThrow();
    assertThat(backfilled.values()).isEqualTo(point.values());
    assertThat(backfilled.folded()).isEqualTo(point.folded());
  }
}
