package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.Datapoint;
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
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series computed by each store from stored events equal what the live engine computes from
 * the same events: the seed's two groups plus a percentile and a top, per step and as
 * backfilled ticks with overlapping windows.
 */
class StoredSeriesTest {
  static final String GROUPS = AnalyticsEngineTest.SEED_GROUPS + """
        latency:
          label: Latency
          analyzers:
            - {metric: percentile, field: ups_rt, by: ups_ad, percentiles: [50, 90]}
        hot:
          label: Hot
          chart: {type: table}
          analyzers:
            - {metric: top, field: status, top: 3}
      """;
  private static final FieldSchema SCHEMA = FieldSchema.of("status", "media", "ups_ad", "ups_rt", "wp_login");
  private static final long T0 = 1_764_064_800_000L;
  private static final String[] STATUS = {"HIT", "HIT", "HIT", "MISS", "EXPIRED", "STALE", "UPDATING"};

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;

  /** 60 s of traffic, 20 events a second, with every kind of value the groups look at. */
  private static List<LogEvent> traffic() {
    Random r = new Random(7);
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      String status = STATUS[r.nextInt(STATUS.length)];
      boolean upstream = !status.equals("HIT");
      events.add(new LogEvent("ng1", i * 100L, T0 + i * 50L, SCHEMA, new Object[] {
          status, r.nextInt(4) == 0 ? "1" : "0",
          upstream ? "10.0.0." + (1 + r.nextInt(3)) + ":80" : null,
          upstream ? Math.round(r.nextDouble() * 1000) / 1000.0 : null,
          r.nextInt(10) == 0 ? "editor" : ""}));
    }
    return events;
  }

  private static void assertSameValues(Datapoint stored, Datapoint live) {
    assertThat(stored.events()).as(stored.group() + " events").isEqualTo(live.events());
    assertThat(stored.values().keySet()).as(stored.group()).containsExactlyElementsOf(live.values().keySet());
    live.values().forEach((series, v) -> {
      Double s = stored.values().get(series);
      if (v == null) {
        assertThat(s).as(series).isNull();
      } else if (series.contains(" p")) {
        assertThat(s).as(series).isCloseTo(v, within(Math.abs(v) * 0.02 + 1e-9)); // both within 1%
      } else {
        assertThat(s).as(series).isCloseTo(v, within(1e-9));
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void aQueryGivesPerStepWhatTheLiveEngineGivesPerWindow(String kind) throws Exception {
    List<LogEvent> events = traffic();
    EventStore store = STORES.holding(kind, dir, events);
    LivelogConfig config = ConfigLoader.parse(GROUPS);
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);

    for (String group : List.of("cache0", "aurt", "latency", "hot")) {
      List<Datapoint> series = result(stored.query(stored.plan(group), "10s", T0, T0 + 60_000, 10_000,
          Deadline.after(QueryLimits.DEADLINE)));
      assertThat(series).hasSize(6);
      for (Datapoint point : series) {
        // The live engine over the same events, ticking at the step's end with a 10 s window.
        PeriodConfig tenSeconds = new PeriodConfig("10s", Duration.ofSeconds(10), Duration.ofSeconds(10), 10);
        AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), List.of(tenSeconds));
        events.forEach(e -> engine.accept(e, point.time()));
        Datapoint live = byGroup(engine.tick(tenSeconds, point.time())).apply(group);
        assertSameValues(point, live);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void backfilledTicksHaveTheLiveWindows(String kind) throws Exception {
    List<LogEvent> events = traffic();
    EventStore store = STORES.holding(kind, dir, events);
    LivelogConfig config = ConfigLoader.parse(GROUPS);
    PeriodConfig fiveSeconds = config.periods().get(0); // 5 s ticks over 10 s windows
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);

    List<List<Datapoint>> ticks = result(stored.backfill(fiveSeconds, T0 + 5_000, T0 + 60_000));
    assertThat(ticks).hasSize(12);
    for (List<Datapoint> tick : ticks) {
      long t = tick.get(0).time();
      AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
      events.forEach(e -> engine.accept(e, t));
      Function<String, Datapoint> live = byGroup(engine.tick(fiveSeconds, t));
      tick.forEach(p -> assertSameValues(p, live.apply(p.group())));
    }
    assertThat(result(stored.anyEvents(T0 - 60_000, T0))).isFalse();
    assertThat(result(stored.anyEvents(T0, T0 + 1))).isTrue();
  }

  private static Function<String, Datapoint> byGroup(List<Datapoint> points) {
    return g -> points.stream().filter(p -> p.group().equals(g)).findFirst().orElseThrow();
  }

}
