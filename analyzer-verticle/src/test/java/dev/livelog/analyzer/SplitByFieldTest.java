package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.QueryLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A chart split by a field chosen on the page, computed from stored events on both stores: one
 * series per value of the field for each analyzer, at most its {@code max_series} and the rest
 * as {@code other}; {@code source} is the source id.
 */
class SplitByFieldTest {
  private static final LivelogConfig CONFIG = ConfigLoader.parse("""
      groups:
        requests:
          label: Requests
          analyzers:
            - {label: all, metric: count}
            - {metric: count, by: status, by_class: true, max_series: 1, where: {status: {ge: 500}}}
        latency:
          label: Latency
          analyzers:
            - {label: avg, metric: avg, field: rt}
        slo:
          label: Availability
          analyzers:
            - {label: burn, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}}
      """);
  private static final FieldSchema SCHEMA = FieldSchema.of("host", "status", "rt");
  private static final long T0 = 1_764_064_800_000L;

  @RegisterExtension static final EitherStore STORES = new EitherStore();
  @TempDir Path dir;

  /** Host a: 5 requests (2 errors), b: 3 (1 error), c: 1; a from web-1, the others from web-2. */
  private static List<LogEvent> traffic() {
    List<LogEvent> events = new ArrayList<>();
    Object[][] rows = {
        {"a", 200L, 0.1}, {"a", 500L, 0.3}, {"a", 200L, 0.2}, {"a", 503L, 0.2}, {"a", 200L, 0.2},
        {"b", 200L, 1.0}, {"b", 502L, 2.0}, {"b", 200L, 3.0}, {"c", 200L, 9.0}};
    for (int i = 0; i < rows.length; i++) {
      String source = rows[i][0].equals("a") ? "web-1" : "web-2";
      events.add(new LogEvent(source, i * 100L, T0 + i * 1000L, SCHEMA, rows[i]));
    }
    return events;
  }

  private static Datapoint query(EventStore store, String group, String field) {
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(CONFIG), store);
    GroupConfig config = CONFIG.groups().get(group);
    List<Datapoint> points = result(stored.query(AnalyzerPlans.split(group, config, field), "1m", T0,
        T0 + 60_000, 60_000, Deadline.after(QueryLimits.DEADLINE)));
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void eachAnalyzerGetsASeriesPerValueWithinItsCap(String kind) {
    EventStore store = STORES.holding(kind, dir, traffic());
    Datapoint split = query(store, "requests", "host");
    assertThat(split.events()).isEqualTo(9);
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("all a", 5.0);
    expected.put("all b", 3.0);
    expected.put("all c", 1.0);
    expected.put("status a", 2.0);     // an unlabelled analyzer is named by its old by field
    expected.put("status other", 1.0); // its max_series: 1, b's error folded
    assertThat(split.values()).containsExactlyEntriesOf(expected);
    assertThat(split.folded()).containsEntry("status other", 1L);

    Datapoint latency = query(store, "latency", "host");
    assertThat(latency.values()).containsEntry("avg a", 0.2).containsEntry("avg b", 2.0).containsEntry("avg c", 9.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "mongodb"})
  void sourceIsTheSourceId(String kind) {
    EventStore store = STORES.holding(kind, dir, traffic());
    assertThat(query(store, "latency", "source").values()).containsOnlyKeys("avg web-1", "avg web-2");
  }

  @Test
  void aGroupWhoseMetricCannotBeSplitSaysWhy() {
    assertThatThrownBy(() -> AnalyzerPlans.split("slo", CONFIG.groups().get("slo"), "host"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("a burn rate is one SLO");
  }
}
