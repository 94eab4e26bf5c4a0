package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's two plot groups over windows of per-second buckets, against hand-computed values. */
class AnalyticsEngineTest {
  static final String SEED_GROUPS = """
      periods:
        - {interval: 5s}
        - {interval: 5m}
      groups:
        cache0:
          label: Cache status (non-media)
          format: "%.1f%%"
          chart: {type: stacked, y_max: 100}
          where: {media: "0"}
          analyzers:
            - {label: HIT, metric: share, where: {status: HIT}}
            - {label: MISS, metric: share, where: {status: MISS}}
            - {label: EXPIRED, metric: share, where: {status: EXPIRED}}
            - {label: UPDATING, metric: share, where: {status: UPDATING}}
            - {label: STALE, metric: share, where: {status: STALE}}
        aurt:
          label: Avg Upstream Resp Time
          format: "%.2f"
          where: {wp_login: {regex: '^\\s*$'}}
          analyzers:
            - {metric: avg, field: ups_rt, by: ups_ad}
      """;

  private static final FieldSchema SCHEMA = FieldSchema.of("status", "media", "ups_ad", "ups_rt", "wp_login");
  private static final long T0 = 1_764_064_800_000L; // a 5-minute boundary
  private long offset;

  private LogEvent event(long time, String status, String media, String upstream, Double rt, String login) {
    return new LogEvent("ng1", offset++, time, SCHEMA, new Object[] {status, media, upstream, rt, login});
  }

  private final LivelogConfig config = ConfigLoader.parse(SEED_GROUPS);
  private final PeriodConfig fiveSeconds = config.periods().get(0);
  private final PeriodConfig fiveMinutes = config.periods().get(1);

  private static Map<String, Double> values(List<Datapoint> points, String group) {
    return points.stream().filter(p -> p.group().equals(group)).findFirst().orElseThrow().values();
  }

  @Test
  void cacheStatusShareAmongNonMediaRequests() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    long now = T0 + 10_000;
    // Window of the tick at T0+10s is [T0, T0+10s): 4 non-media requests (3 HIT, 1 MISS)
    // and 2 media ones that the group's where excludes.
    engine.accept(event(T0 + 1_000, "HIT", "0", null, null, ""), now);
    engine.accept(event(T0 + 2_500, "HIT", "0", null, null, ""), now);
    engine.accept(event(T0 + 9_999, "HIT", "0", null, null, ""), now);
    engine.accept(event(T0 + 4_000, "MISS", "0", "10.0.0.1:80", 0.2, ""), now);
    engine.accept(event(T0 + 5_000, "MISS", "1", "10.0.0.1:80", 0.4, ""), now);
    engine.accept(event(T0 + 6_000, "STALE", "1", null, null, ""), now);
    // Outside the window: at its end (exclusive) and before its start.
    engine.accept(event(T0 + 10_000, "EXPIRED", "0", null, null, ""), now);
    engine.accept(event(T0 - 1, "EXPIRED", "0", null, null, ""), now);

    List<Datapoint> tick = engine.tick(fiveSeconds, T0 + 10_000);
    Map<String, Double> cache = values(tick, "cache0");
    assertThat(cache.keySet()).containsExactly("HIT", "MISS", "EXPIRED", "UPDATING", "STALE");
    assertThat(cache.get("HIT")).isCloseTo(75.0, within(1e-9));
    assertThat(cache.get("MISS")).isCloseTo(25.0, within(1e-9));
    assertThat(cache.get("EXPIRED")).isZero();
    assertThat(cache.get("STALE")).isZero();
    assertThat(tick.get(0).events()).isEqualTo(4);
    assertThat(tick.get(0).time()).isEqualTo(T0 + 10_000);
    assertThat(tick.get(0).period()).isEqualTo("5s");
  }

  @Test
  void averageUpstreamResponseTimePerServerForLoggedOutRequests() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    long now = T0 + 10_000;
    engine.accept(event(T0 + 1_000, "MISS", "0", "10.0.0.1:80", 0.100, ""), now);
    engine.accept(event(T0 + 2_000, "MISS", "0", "10.0.0.1:80", 0.300, null), now);
    engine.accept(event(T0 + 3_000, "MISS", "1", "10.0.0.2:80", 0.050, " "), now);
    // Logged in: excluded. A HIT has no upstream: no series.
    engine.accept(event(T0 + 4_000, "MISS", "0", "10.0.0.2:80", 9.0, "alice"), now);
    engine.accept(event(T0 + 5_000, "HIT", "0", null, null, ""), now);

    Map<String, Double> aurt = values(engine.tick(fiveSeconds, now), "aurt");
    assertThat(aurt).containsOnlyKeys("10.0.0.1:80", "10.0.0.2:80");
    assertThat(aurt.get("10.0.0.1:80")).isCloseTo(0.2, within(1e-9));
    assertThat(aurt.get("10.0.0.2:80")).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void windowsOverlapByFiveSecondsAndPeriodsHaveTheirOwnWindows() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    long now = T0 + 300_000;
    engine.accept(event(T0 + 292_000, "HIT", "0", null, null, ""), now);  // in both 5 s windows
    engine.accept(event(T0 + 296_000, "MISS", "0", null, null, ""), now); // in the 2nd 5 s window
    engine.accept(event(T0 + 1_000, "MISS", "0", null, null, ""), now);   // only the 5 min window

    Map<String, Double> a = values(engine.tick(fiveSeconds, T0 + 295_000), "cache0");
    assertThat(a.get("HIT")).isEqualTo(100.0);
    Map<String, Double> b = values(engine.tick(fiveSeconds, T0 + 300_000), "cache0");
    assertThat(b.get("HIT")).isEqualTo(50.0);
    assertThat(b.get("MISS")).isEqualTo(50.0);
    List<Datapoint> longer = engine.tick(fiveMinutes, T0 + 300_000);
    assertThat(values(longer, "cache0").get("MISS")).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(longer.get(0).events()).isEqualTo(3);
  }

  @Test
  void aLateEventInsideTheWindowCountsAndAnOlderOneIsCountedAsLate() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    long now = T0 + 400_000;
    engine.startedAt(now); // running long before: every tick due before now was computed
    engine.accept(event(T0 + 396_000, "HIT", "0", null, null, ""), now);
    // Arrives "now" but happened 8 s ago: still inside the 10 s window of the next tick.
    engine.accept(event(T0 + 392_000, "MISS", "0", null, null, ""), now);
    // Older than the longest window (5m5s) plus slack: late.
    engine.accept(event(T0 + 400_000 - 320_000, "MISS", "0", null, null, ""), now);
    // An hour ahead of this machine's clock: refused as clock skew.
    engine.accept(event(T0 + 400_000 + 3_600_000, "MISS", "0", null, null, ""), now);

    Map<String, Double> v = values(engine.tick(fiveSeconds, T0 + 400_000), "cache0");
    assertThat(v.get("HIT")).isEqualTo(50.0);
    assertThat(v.get("MISS")).isEqualTo(50.0);
    assertThat(engine.accepted()).isEqualTo(2);
    assertThat(engine.late()).isEqualTo(1);
    assertThat(engine.future()).isEqualTo(1);
    assertThat(engine.lateFor(fiveSeconds.name())).as("missed by every 5 s datapoint").isEqualTo(1);
    assertThat(engine.lateFor(fiveMinutes.name())).isEqualTo(1);
  }

  @Test
  void anEventOlderThanTheShortWindowIsLateForThatPeriodOnly() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    long now = T0 + 400_000;
    engine.startedAt(now);
    engine.accept(event(now - 30_000, "MISS", "0", null, null, ""), now);

    assertThat(engine.lateFor(fiveSeconds.name())).isEqualTo(1);
    assertThat(engine.lateFor(fiveMinutes.name())).isZero();
    assertThat(engine.late()).isZero();
    assertThat(engine.accepted()).isEqualTo(1);
    assertThat(values(engine.tick(fiveMinutes, now), "cache0").get("MISS")).isEqualTo(100.0);
  }

  @Test
  void anEventAfterItsFirstPointWasComputedIsAfterItsTickAndAfterItsLastOneLate() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods(),
        Duration.ofMillis(1_200));
    // Dated T0+4 s: in the windows of the 5 s ticks at T0+5 s and T0+10 s (due at T0+6.2 s and
    // T0+11.2 s) and of the 5 min tick at T0+5 min. What counts is whether a tick was computed,
    // not the clock: a timer under load fires late, and its tick counts what came before it.
    engine.accept(event(T0 + 4_500, "HIT", "0", null, null, ""), T0 + 6_300);  // tick not run yet
    assertThat(engine.afterTickFor(fiveSeconds.name())).as("in time for a late-firing tick").isZero();
    assertThat(values(engine.tick(fiveSeconds, T0 + 5_000), "cache0").get("HIT")).isEqualTo(100.0);
    engine.accept(event(T0 + 4_000, "MISS", "0", null, null, ""), T0 + 6_301); // after T0+5 s
    assertThat(engine.afterTickFor(fiveSeconds.name())).isEqualTo(1);
    assertThat(engine.lateFor(fiveSeconds.name())).isZero();
    assertThat(values(engine.tick(fiveSeconds, T0 + 10_000), "cache0").get("HIT")).isEqualTo(50.0);
    engine.accept(event(T0 + 4_999, "MISS", "0", null, null, ""), T0 + 11_201); // after both
    assertThat(engine.afterTickFor(fiveSeconds.name())).isEqualTo(2);
    assertThat(engine.lateFor(fiveSeconds.name())).as("missed by every 5 s datapoint").isEqualTo(1);
    assertThat(engine.afterTickFor(fiveMinutes.name())).isZero();
    assertThat(engine.lateFor(fiveMinutes.name())).isZero();
    assertThat(values(engine.tick(fiveMinutes, T0 + 300_000), "cache0").get("MISS")).isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void ticksDueBeforeTheEngineStartedCountAsComputed() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods(),
        Duration.ofMillis(1_200));
    engine.startedAt(T0 + 11_300); // the 5 s ticks at T0+5 s and T0+10 s were due before
    engine.accept(event(T0 + 4_000, "MISS", "0", null, null, ""), T0 + 11_300);
    assertThat(engine.afterTickFor(fiveSeconds.name())).isEqualTo(1);
    assertThat(engine.lateFor(fiveSeconds.name())).isEqualTo(1);
    assertThat(engine.afterTickFor(fiveMinutes.name())).isZero();
  }

  @Test
  void aTickComputedTheSettleAfterItsTimeStillHasItsWholeWindow() {
    List<PeriodConfig> fiveSecondsOnly = List.of(fiveSeconds); // a 10 s window: 15 s kept without settle
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), fiveSecondsOnly,
        Duration.ofSeconds(30));
    engine.accept(event(T0 + 1_000, "HIT", "0", null, null, ""), T0 + 9_000);
    engine.tick(fiveSeconds, T0 + 5_000);
    // 30 s later the window's first seconds are still kept, and an event of them still counts.
    engine.accept(event(T0 + 2_000, "MISS", "0", null, null, ""), T0 + 39_000);
    List<Datapoint> tick = engine.tick(fiveSeconds, T0 + 10_000);
    assertThat(tick.get(0).events()).isEqualTo(2);
    assertThat(engine.late()).isZero();
    assertThat(engine.afterTickFor(fiveSeconds.name())).as("after the tick at T0+5 s").isEqualTo(1);
    assertThat(engine.lateFor(fiveSeconds.name())).isZero();
  }

  @Test
  void anEmptyWindowHasNoShareAndNoAverage() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    List<Datapoint> tick = engine.tick(fiveSeconds, T0);
    assertThat(values(tick, "cache0").get("HIT")).isNull();
    assertThat(values(tick, "aurt")).isEmpty();
    assertThat(tick.get(0).events()).isZero();
  }

  @Test
  void ringSlotsAreReusedWithoutLeakingOldSeconds() {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    for (int minute = 0; minute < 30; minute++) {
      long now = T0 + minute * 60_000L;
      engine.accept(event(now - 1_000, "HIT", "0", null, null, ""), now);
      engine.accept(event(now - 1_000, "MISS", "0", null, null, ""), now);
    }
    long end = T0 + 29 * 60_000L;
    List<Datapoint> tick = engine.tick(fiveMinutes, end);
    // The window is [end - 305 s, end): the events 1 s before minutes 24..29, 2 each; the
    // 24 older minutes went through the same ring slots and must not linger.
    assertThat(tick.get(0).events()).isEqualTo(12);
  }
}
