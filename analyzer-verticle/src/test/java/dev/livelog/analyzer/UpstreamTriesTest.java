package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventsQuery;
import dev.livelog.store.query.QueryLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-try attribution: nginx writes one entry per upstream server tried in its
 * {@code $upstream_*} variables ({@code ", "} between the servers of a group, {@code " : "}
 * before another group after an internal redirect, {@code -} where a try has no value), and
 * each try counts for its own server, live and from either store.
 */
class UpstreamTriesTest {
  private static final String GROUPS = """
      periods:
        - {interval: 10s, window: 10s}
      groups:
        upstreams:
          analyzers:
            - {metric: avg, field: upstream_response_time, by: upstream_addr}
        latency:
          analyzers:
            - {metric: percentile, field: upstream_response_time, by: upstream_addr, percentiles: [100]}
        tries:
          analyzers:
            - {metric: count, by: upstream_addr}
            - {label: status, metric: count, by: upstream_status, by_class: true}
        retries:
          analyzers:
            - {metric: retries, field: upstream_addr, by: upstream_addr}
            - {label: retried, metric: retries, field: upstream_addr}
      """;
  private static final long T0 = 1_764_064_800_000L; // 25/Nov/2025:10:00:00 +0000
  private static final String ONE = "10.0.0.1:80";
  private static final String TWO = "10.0.0.2:80";
  private static final String THREE = "10.0.0.3:80";
  private static final String SOCKET = "unix:/run/app.sock";

  /** ingress-nginx's upstreaminfo lines: address, response length, time and status per try. */
  private static final String[] TRIES = {
      "10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80|0, 0 : 612|0.010, 0.020 : 0.030|502, 504 : 200",
      "10.0.0.1:80|612|0.040|200",
      "unix:/run/app.sock, 10.0.0.2:80|-, 612|-, 0.050|-, 200",
      // More times than servers, then fewer: malformed, counted, and nothing crashes.
      "10.0.0.1:80, 10.0.0.3:80|0, 612|0.060, 0.070, 0.080|502, 200",
      "10.0.0.1:80, 10.0.0.2:80, 10.0.0.3:80|0, 0, 612|0.090, 0.100|502, 502, 200",
  };

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;

  private final LivelogConfig config = ConfigLoader.parse(GROUPS);
  private final PeriodConfig tenSeconds = config.periods().get(0);

  private static List<LogEvent> events() throws Exception {
    LineParser parser = Formats.compile(FormatConfig.of("builtin", "upstreaminfo"));
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < TRIES.length; i++) {
      String[] t = TRIES[i].split("\\|");
      String line = "192.0.2.7 - - [25/Nov/2025:10:00:0" + (i + 1) + " +0000] \"GET /api HTTP/1.1\" 200"
          + " 612 \"-\" \"curl/8.5\" 79 0.120 [default-api-80] [] " + t[0] + " " + t[1] + " " + t[2]
          + " " + t[3] + " 5f2c1e";
      events.add(parser.parse(line, "ingress", i * 1000L));
    }
    return events;
  }

  private Map<String, Map<String, Double>> live(AnalyticsEngine engine) throws Exception {
    events().forEach(e -> engine.accept(e, T0 + 10_000));
    Map<String, Map<String, Double>> byGroup = new java.util.HashMap<>();
    engine.tick(tenSeconds, T0 + 10_000).forEach(p -> byGroup.put(p.group(), p.values()));
    return byGroup;
  }

  @Test
  void eachServerGetsItsOwnTriesTimes() throws Exception {
    Map<String, Map<String, Double>> v = live(new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods()));

    Map<String, Double> avg = v.get("upstreams");
    assertThat(avg.keySet()).containsExactlyInAnyOrder(ONE, TWO, THREE, SOCKET);
    assertThat(avg.get(ONE)).isCloseTo((0.010 + 0.040 + 0.060 + 0.090) / 4, within(1e-9));
    assertThat(avg.get(TWO)).isCloseTo((0.020 + 0.050 + 0.100) / 3, within(1e-9));
    assertThat(avg.get(THREE)).isCloseTo((0.030 + 0.070) / 2, within(1e-9)); // one try had no time
    assertThat(avg.get(SOCKET)).isNull(); // its only try answered nothing ('-')

    Map<String, Double> p100 = v.get("latency");
    assertThat(p100.get(ONE + " p100")).isCloseTo(0.090, within(0.001));
    assertThat(p100.get(TWO + " p100")).isCloseTo(0.100, within(0.001));
    assertThat(p100.get(THREE + " p100")).isCloseTo(0.070, within(0.001));
  }

  @Test
  void countsCountTriesAndRetriesCountRetriedRequestsPerServer() throws Exception {
    Map<String, Map<String, Double>> v = live(new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods()));

    assertThat(v.get("tries")).containsEntry(ONE, 4.0).containsEntry(TWO, 3.0).containsEntry(THREE, 3.0)
        .containsEntry(SOCKET, 1.0)
        // Each try's status in its class; a try without one ('-') in none.
        .containsEntry("status 5xx", 5.0).containsEntry("status 2xx", 5.0);
    assertThat(v.get("retries")).containsEntry(ONE, 3.0).containsEntry(TWO, 3.0)
        .containsEntry(THREE, 3.0).containsEntry(SOCKET, 1.0).containsEntry("retried", 4.0);
  }

  @Test
  void listsOfDifferentLengthsAreCountedPerAnalyzerAttributingThem() throws Exception {
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
    live(engine);
    // The last two lines, each in the avg's and the percentile's attribution.
    assertThat(engine.mismatchedTries()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void storedSeriesAttributeTriesAsTheLiveEngineDoes(String kind) throws Exception {
    EventStore store = STORES.holding(kind, dir, events());
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);
    Map<String, Map<String, Double>> live = live(new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods()));

    for (String group : live.keySet()) {
      List<Datapoint> points = result(stored.query(stored.plan(group), "10s", T0, T0 + 10_000, 10_000,
          Deadline.after(QueryLimits.DEADLINE)));
      assertThat(points).hasSize(1);
      Map<String, Double> expected = live.get(group);
      Map<String, Double> actual = points.get(0).values();
      assertThat(actual.keySet()).as(group).containsExactlyInAnyOrderElementsOf(expected.keySet());
      expected.forEach((series, value) -> {
        if (value == null) {
          assertThat(actual.get(series)).as(series).isNull();
        } else {
          assertThat(actual.get(series)).as(series).isCloseTo(value, within(value * 0.02 + 1e-9));
        }
      });
    }
  }

  /** The drill-down of a server's series lists every request that tried it, retried or not. */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void aServersSeriesDrillsIntoEveryRequestThatTriedIt(String kind) throws Exception {
    EventStore store = STORES.holding(kind, dir, events());
    GroupPlan tries = AnalyzerPlans.compile(config).stream().filter(p -> p.name().equals("tries"))
        .findFirst().orElseThrow();
    Map<String, Double> counted = live(new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods()))
        .get("tries");
    for (String server : List.of(ONE, TWO, THREE, SOCKET)) {
      EventsQuery query = new EventsQuery(T0, T0 + 10_000, tries.eventsOf(server).orElseThrow(),
          EventsQuery.MAX_LIMIT, null);
      assertThat(result(store.eventsPage(query, Deadline.after(QueryLimits.DEADLINE))).total()).as(server)
          .isEqualTo(Math.round(counted.get(server))); // no request tried a server twice
    }
  }

  /**
   * The drill-down of a per-try series lists the requests with a try for it (a server among
   * their tries, a status class among their tries' statuses), and a retries series the
   * retried ones, on either store: not only the requests whose whole list is one value.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void aPerTrySeriesListsTheRequestsWithATryForIt(String kind) throws Exception {
    List<LogEvent> events = events();
    EventStore store = STORES.holding(kind, dir, events);
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);
    Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
    expected.put("tries/" + ONE, List.of(0, 1, 3, 4));
    expected.put("tries/" + TWO, List.of(0, 2, 4));
    expected.put("tries/" + THREE, List.of(0, 3, 4));
    expected.put("tries/" + SOCKET, List.of(2));
    expected.put("tries/status 5xx", List.of(0, 3, 4));
    expected.put("tries/status 2xx", List.of(0, 1, 2, 3, 4));
    expected.put("retries/" + ONE, List.of(0, 3, 4));
    expected.put("retries/" + THREE, List.of(0, 3, 4));
    expected.put("retries/" + SOCKET, List.of(2));
    expected.put("retries/retried", List.of(0, 2, 3, 4));
    expected.put("upstreams/" + TWO, List.of(0, 2, 4));
    expected.put("latency/" + THREE + " p100", List.of(0, 3, 4));
    expected.forEach((groupAndSeries, requests) -> {
      String[] at = groupAndSeries.split("/", 2);
      List<dev.livelog.common.where.Filter> filters = stored.plan(at[0]).eventsOf(at[1]).orElseThrow();
      dev.livelog.store.query.EventsPage page = result(store.eventsPage(new EventsQuery(
          T0, T0 + 10_000, filters, 50, null), Deadline.after(QueryLimits.DEADLINE)));
      assertThat(page.events()).as(groupAndSeries).map(found -> found.event().offset())
          .containsExactlyInAnyOrderElementsOf(requests.stream().map(i -> i * 1000L).toList());
      assertThat(page.total()).as(groupAndSeries).isEqualTo(requests.size());
    });
  }

  /**
   * The {@code other} series of a per-try field lists the requests with a try whose key is none
   * of those its point showed by name, on either store.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void anOtherSeriesListsTheRequestsWithATryOfAValueNotShown(String kind) throws Exception {
    EventStore store = STORES.holding(kind, dir, events());
    GroupPlan tries = AnalyzerPlans.compile(config).stream().filter(p -> p.name().equals("tries"))
        .findFirst().orElseThrow();
    assertThat(tries.folds("other")).isTrue();
    assertThat(tries.folds("status other")).isTrue();
    assertThat(tries.folds(ONE)).isFalse();
    Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
    // The names of both analyzers' series: each other reads its own.
    expected.put("other|" + ONE + "|" + TWO + "|status 2xx", List.of(0, 2, 3, 4));
    expected.put("other|" + ONE + "|" + TWO + "|" + THREE + "|" + SOCKET, List.of());
    expected.put("status other|" + ONE + "|status 2xx", List.of(0, 3, 4)); // "-" has no class
    expected.put("status other|status 5xx|status 4xx", List.of(0, 1, 2, 3, 4));
    expected.forEach((seriesAndShown, requests) -> {
      List<String> parts = List.of(seriesAndShown.split("\\|"));
      List<dev.livelog.common.where.Filter> filters = tries.eventsOf(parts.get(0), parts.subList(1, parts.size()))
          .orElseThrow();
      dev.livelog.store.query.EventsPage page = result(store.eventsPage(new EventsQuery(
          T0, T0 + 10_000, filters, 50, null), Deadline.after(QueryLimits.DEADLINE)));
      assertThat(page.events()).as(seriesAndShown).map(found -> found.event().offset())
          .containsExactlyInAnyOrderElementsOf(requests.stream().map(i -> i * 1000L).toList());
    });
  }
}
