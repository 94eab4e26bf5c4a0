package dev.livelog.analyzer;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The drill-down over the bus ({@code livelog.query.events}), on both stores: for every series
 * of every group's datapoint, the stored events of its window number exactly what the live
 * engine counted for it, whatever maps the series to events (a by value, a class, a path
 * prefix, a top value, a percentile's or a burn rate's series); pages carry the lines; bad
 * parameters are refused naming themselves.
 */
class EventsRequestsTest {
  private static final LivelogConfig CONFIG = ConfigLoader.parse("""
      storage: {retention: 7d}
      periods: [{name: 10s, interval: 10s, window: 10s, history: 30}]
      groups:
        statuses:
          where: {method: GET}
          analyzers:
            - {metric: count, field: status, by: status, by_class: true}
            - {label: slow, metric: count, where: {rt: {gt: 0.5}}}
        sections:
          analyzers:
            - {label: section, metric: count, by: path, by_prefix: 1}
            - {metric: top, field: path, top: 3}
        latency:
          analyzers:
            - {label: rt, metric: percentile, field: rt, percentiles: [50, 99]}
            - {label: errors, metric: burn_rate, objective: 99, good: {status: {lt: 500}}}
        folded:
          analyzers:
            - {label: path, metric: count, by: path, max_series: 3}
            - {label: class, metric: count, by: status, by_class: true, max_series: 2}
            - {label: section, metric: count, by: path, by_prefix: 1, max_series: 2}
      """);
  private static final FieldSchema SCHEMA = FieldSchema.of("method", "status", "path", "rt");
  private static final String[] PATHS = {"/", "/api/x", "/api/y?q=1", "/static/a.css", "/api", "/a.b/c"};

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;

  /** 30 s of traffic before {@code tick}, and some after it. */
  private static List<LogEvent> traffic(long tick) {
    Random r = new Random(11);
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Object[] values = {r.nextInt(5) == 0 ? "POST" : "GET", (long) new int[] {200, 200, 304, 404, 502, 503}[r.nextInt(6)],
          PATHS[r.nextInt(PATHS.length)], Math.round(r.nextDouble() * 1000) / 1000.0};
      long time = tick - 30_000 + i * 100L;
      events.add(new LogEvent("ng1", i * 100L, time, SCHEMA, values,
          "line " + i + " " + values[0] + " " + values[2] + " " + values[1]));
    }
    return events;
  }

  private Vertx vertx;

  /** An analyzer answering on a Vert.x of its own, over a store of {@code kind} holding {@code events}. */
  private void analyzing(String kind, List<LogEvent> events) {
    EventStore store = STORES.holding(kind, dir, events);
    vertx = Vertx.vertx();
    result(vertx.deployVerticle(new AnalyzerVerticle(CONFIG, store, QueryLimits.of(Duration.ofDays(7)))));
  }

  @AfterEach
  void closeVertx() {
    if (vertx != null) {
      result(vertx.close());
    }
  }

  /** A 10 s tick a minute ago: the traffic before it is stored, none of it in the future. */
  private static long tickAMinuteAgo() {
    return Math.floorDiv(System.currentTimeMillis(), 10_000) * 10_000 - 60_000;
  }

  private JsonObject ask(JsonObject request) {
    return result(vertx.eventBus().<JsonObject>request(Addresses.EVENTS_QUERY, request)).body();
  }

  private ReplyException refused(JsonObject request) {
    return (ReplyException) failure(vertx.eventBus().request(Addresses.EVENTS_QUERY, request));
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void everySeriesOfADatapointHasAsManyStoredEventsAsItCounted(String kind) {
    long tick = tickAMinuteAgo();
    List<LogEvent> events = traffic(tick);
    analyzing(kind, events);
    PeriodConfig period = CONFIG.periods().get(0);
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(CONFIG), List.of(period));
    events.forEach(e -> engine.accept(e, tick));
    Set<String> checked = new HashSet<>();
    for (Datapoint point : engine.tick(period, tick)) {
      JsonObject window = new JsonObject().put("group", point.group()).put("from", tick - 10_000).put("to", tick);
      assertThat(ask(window).getLong("total")).as(point.group()).isEqualTo(point.events());
      point.values().forEach((series, value) -> {
        Long counted = value == null ? null : behind(point, series, value);
        if (counted != null) {
          long total = ask(window.copy().put("series", series)).getLong("total");
          assertThat(total).as(point.group() + " / " + series).isEqualTo(counted);
          checked.add(point.group() + "/" + series);
        }
      });
    }
    assertThat(checked).contains("statuses/5xx", "statuses/slow", "sections/section /api",
        "sections/section /static", "latency/rt p99", "latency/errors").hasSizeGreaterThan(12);
  }

  /**
   * How many events a series' value says it counted: a count's value, every event of the group
   * for a percentile, the bad share of the group for a burn rate over the window (its longer
   * windows' series are not over the datapoint's window: null, not checked).
   */
  private static Long behind(Datapoint point, String series, double value) {
    if (series.startsWith("rt ")) {
      return point.events();
    }
    if (series.startsWith("errors")) {
      return series.equals("errors") ? Math.round(value * (1 - 0.99) * point.events()) : null;
    }
    return Math.round(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void pagesCarryLinesNewestFirstAndTheFilterNarrows(String kind) {
    long tick = tickAMinuteAgo();
    List<LogEvent> events = traffic(tick);
    analyzing(kind, events);
    JsonObject request = new JsonObject().put("group", "statuses").put("series", "5xx")
        .put("from", tick - 10_000).put("to", tick).put("limit", 4);
    List<String> expected = events.stream().filter(e -> e.time() >= tick - 10_000 && e.time() < tick
            && e.get("method").equals("GET") && (long) e.get("status") >= 500)
        .sorted((a, b) -> Long.compare(b.time(), a.time())).map(LogEvent::line).toList();
    List<String> lines = new ArrayList<>();
    JsonObject page = ask(request);
    while (true) {
      assertThat(page.getLong("total")).isEqualTo(expected.size());
      JsonArray found = page.getJsonArray("events");
      found.forEach(e -> lines.add(((JsonObject) e).getString("line")));
      JsonObject first = found.getJsonObject(0);
      assertThat(first.getJsonObject("fields").getString("method")).isEqualTo("GET");
      assertThat(first.getString("id")).startsWith("ng1:1-2:");
      if (page.getString("next") == null) {
        break;
      }
      page = ask(request.copy().put("after", page.getString("next")));
    }
    assertThat(lines).containsExactlyElementsOf(expected);

    JsonObject narrowed = ask(request.copy().put("where", "status = 502 and path ~ ^/api"));
    assertThat(narrowed.getLong("total")).isEqualTo(events.stream().filter(e -> e.time() >= tick - 10_000
        && e.time() < tick && e.get("method").equals("GET") && e.get("status").equals(502L)
        && ((String) e.get("path")).startsWith("/api")).count()).isPositive();
    assertThat(ask(request.copy().put("limit", 100_000)).getJsonArray("events")).hasSize(expected.size());

    // A chart split by a field drills into its split series, as /api/query split it.
    JsonObject split = ask(new JsonObject().put("group", "statuses").put("split", "path")
        .put("series", "slow /api").put("from", tick - 10_000).put("to", tick));
    assertThat(split.getLong("total")).isEqualTo(events.stream().filter(e -> e.time() >= tick - 10_000
        && e.time() < tick && e.get("method").equals("GET") && (double) e.get("rt") > 0.5
        && e.get("path").equals("/api")).count()).isPositive();
  }

  /**
   * A filter naming a field no event of the series carries (misspelt, or another format's) lets
   * nothing through; the answer names it, with the fields an event there has, instead of a bare 0.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void anEmptyAnswerNamesTheFieldsOfTheFilterNoEventCarries(String kind) {
    long tick = tickAMinuteAgo();
    analyzing(kind, traffic(tick));
    JsonObject window = new JsonObject().put("group", "statuses").put("series", "5xx")
        .put("from", tick - 10_000).put("to", tick);

    JsonObject misspelt = ask(window.copy().put("where", "cache: MISS or stauts >= 500 or status = 200"));
    assertThat(misspelt.getLong("total")).isZero();
    assertThat(misspelt.getJsonArray("absent_fields").getList()).containsExactly("cache", "stauts");
    assertThat(misspelt.getJsonArray("present_fields").getList()).containsExactlyInAnyOrder("method", "status", "path", "rt");

    // Nothing passed, but every field named is carried: nothing to name.
    JsonObject none = ask(window.copy().put("where", "status = 200"));
    assertThat(none.getLong("total")).isZero();
    assertThat(none.getJsonArray("absent_fields")).isEmpty();
    // Events passed: the fields are not looked at.
    JsonObject some = ask(window.copy().put("where", "status = 502 or cache: MISS"));
    assertThat(some.getLong("total")).isPositive();
    assertThat(some.getJsonArray("absent_fields")).isEmpty();
    // No event of the series at all: nothing to say about its fields.
    JsonObject empty = ask(window.copy().put("from", tick - 50_000).put("to", tick - 40_000).put("where", "cache: MISS"));
    assertThat(empty.getLong("total")).isZero();
    assertThat(empty.getJsonArray("absent_fields")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb"})
  void badParametersAreRefusedNamingThem(String kind) {
    long now = System.currentTimeMillis();
    analyzing(kind, traffic(now));
    JsonObject ok = new JsonObject().put("group", "statuses").put("from", now - 60_000).put("to", now);
    assertThat(refused(ok.copy().put("group", "nope")).failureCode()).isEqualTo(404);
    for (JsonObject bad : List.of(ok.copy().put("series", "9zz"), ok.copy().put("where", "status >="),
        ok.copy().put("where", "path ~ '(?<=a)b'"), ok.copy().put("limit", 0),
        ok.copy().put("after", "not-a-cursor"), ok.copy().put("from", now + 10 * 86_400_000L))) {
      ReplyException e = refused(bad);
      String name = bad.fieldNames().stream().filter(n -> !ok.containsKey(n) || !ok.getValue(n).equals(bad.getValue(n)))
          .findFirst().orElseThrow();
      assertThat(e.failureCode()).as(bad.encode()).isEqualTo(400);
      assertThat(e.getMessage()).as(bad.encode()).contains("'" + name + "'");
    }
  }

  /** The {@code other} series of each analyzer of a datapoint, whose values past {@code max_series} it folds. */
  private static final List<String> OTHERS = List.of("path other", "class other", "section other");

  /** Each {@code other} series of the point lists as many events as it counted, and some. */
  private void assertOthersListTheirCount(Datapoint point, long from) {
    for (String other : OTHERS) {
      long counted = Math.round(point.values().get(other));
      assertThat(counted).as(other + " folds values").isPositive();
      JsonObject answer = ask(new JsonObject().put("group", point.group()).put("series", other)
          .put("from", from).put("to", point.time()));
      assertThat(answer.getLong("total")).as(other + " of the point at " + point.time()).isEqualTo(counted);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void anOtherSeriesListsTheEventsOfTheValuesItsPointDidNotShow(String kind) {
    long tick = tickAMinuteAgo();
    List<LogEvent> events = traffic(tick);
    Datapoint atTick = livePoint(events, "folded", tick);
    Datapoint before = livePoint(events, "folded", tick - 10_000);
    EventStore store = STORES.holding(kind, dir, events);
    // The point at the tick is in the analyzer's history (restored on start), the one before
    // only in the store.
    result(store.saveDatapoints(List.of(atTick)));
    vertx = Vertx.vertx();
    result(vertx.deployVerticle(new AnalyzerVerticle(CONFIG, store, QueryLimits.of(Duration.ofDays(7)))));
    result(store.saveDatapoints(List.of(before)));

    assertOthersListTheirCount(atTick, tick - 10_000);
    assertOthersListTheirCount(before, tick - 20_000);

    // The names a point showed decide, not what the stored events would rank first: a point
    // that showed the three rarest paths has the three most frequent in its other.
    long earlier = tick - 20_000;
    Map<String, Long> perPath = events.stream().filter(e -> e.time() >= earlier - 10_000 && e.time() < earlier)
        .collect(Collectors.groupingBy(e -> (String) e.get("path"), Collectors.counting()));
    List<String> rarestFirst = perPath.keySet().stream().sorted(Comparator.comparing(perPath::get)).toList();
    Map<String, Double> values = new LinkedHashMap<>();
    rarestFirst.subList(0, 3).forEach(path -> values.put("path " + path, (double) perPath.get(path)));
    long mostFrequent = rarestFirst.subList(3, 6).stream().mapToLong(perPath::get).sum();
    values.put("path other", (double) mostFrequent);
    result(store.saveDatapoints(List.of(new Datapoint("10s", "folded", earlier, 100, values))));
    assertThat(ask(new JsonObject().put("group", "folded").put("series", "path other")
        .put("from", earlier - 10_000).put("to", earlier)).getLong("total")).isEqualTo(mostFrequent);

    // No live point stands for 30 s: the point a stored range shows over it does.
    JsonObject range = new JsonObject().put("group", "folded").put("from", tick - 30_000).put("to", tick);
    Datapoint stored = Datapoint.fromJson(result(vertx.eventBus().<JsonObject>request(Addresses.QUERY,
        range.copy().put("step", 30_000))).body().getJsonArray("datapoints").getJsonObject(0));
    assertThat(stored.time()).isEqualTo(tick);
    assertOthersListTheirCount(stored, tick - 30_000);

    // What an other series lists: every value its point did not show by name, none it did.
    JsonObject paths = ask(range.copy().put("series", "path other").put("limit", 200));
    assertThat(paths.getLong("total")).isLessThanOrEqualTo(200);
    Set<String> listed = new HashSet<>();
    paths.getJsonArray("events").forEach(e -> listed.add(((JsonObject) e).getJsonObject("fields").getString("path")));
    Set<String> shown = shownOver(stored, "path ");
    assertThat(shown).hasSize(3);
    Set<String> expected = new HashSet<>(Set.of(PATHS));
    expected.removeAll(shown);
    assertThat(listed).isEqualTo(expected);
  }

  /** The live datapoint of {@code group} at {@code tick}, every event having come by then. */
  private static Datapoint livePoint(List<LogEvent> events, String group, long tick) {
    PeriodConfig period = CONFIG.periods().get(0);
    AnalyticsEngine engine = new AnalyticsEngine(AnalyzerPlans.compile(CONFIG), List.of(period));
    events.forEach(e -> engine.accept(e, tick));
    return engine.tick(period, tick).stream().filter(p -> p.group().equals(group)).findFirst().orElseThrow();
  }

  private static Set<String> shownOver(Datapoint point, String label) {
    Set<String> shown = new HashSet<>();
    point.values().keySet().stream().filter(n -> n.startsWith(label) && !n.equals(label + "other"))
        .forEach(n -> shown.add(n.substring(label.length())));
    return shown;
  }
}
