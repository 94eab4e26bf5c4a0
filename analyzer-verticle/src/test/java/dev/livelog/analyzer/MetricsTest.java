package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every metric, filter condition and by-option against values computed by hand. */
class MetricsTest {
  private static final FieldSchema SCHEMA = FieldSchema.of("status", "path", "rt", "upstream", "user");

  /** The events: status, path, response time, upstream, user. */
  private static final Object[][] ROWS = {
      {200L, "/a/x?q=1", 0.1, "u1", "alice"},
      {200L, "/a/y", 0.2, "u1", null},
      {404L, "/b", 0.3, "u2", ""},
      {500L, "/a/x", 0.4, "u2", "bob"},
      {503L, "/c/z/w", 1.0, "u1", null},
      {200L, "/a/x", null, null, null},
  };

  /** The values of one group over all the events, as a 10 s window. */
  private static Map<String, Double> values(String groupYaml) {
    LivelogConfig config = ConfigLoader.parse("groups:\n  g:\n" + groupYaml.indent(4));
    GroupPlan plan = AnalyzerPlans.compile(config).get(0);
    GroupStats stats = plan.newStats();
    GroupPlan.Admissions admissions = plan.newAdmissions();
    long offset = 0;
    for (Object[] row : ROWS) {
      plan.add(new LogEvent("s", offset++, 0, SCHEMA, row.clone()), stats, admissions);
    }
    return plan.values(stats, 10.0);
  }

  @Test
  void countRateAndShare() {
    Map<String, Double> v = values("""
        where: {path: {regex: '^/a'}}
        analyzers:
          - {label: n, metric: count}
          - {label: per_s, metric: rate}
          - {label: ok, metric: share, where: {status: 200}}
        """);
    assertThat(v).containsEntry("n", 4.0).containsEntry("per_s", 0.4).containsEntry("ok", 75.0);
  }

  @Test
  void avgSumMinMaxIgnoreEventsWithoutTheField() {
    Map<String, Double> v = values("""
        analyzers:
          - {label: avg, metric: avg, field: rt}
          - {label: sum, metric: sum, field: rt}
          - {label: min, metric: min, field: rt}
          - {label: max, metric: max, field: rt}
        """);
    assertThat(v.get("avg")).isCloseTo(0.4, within(1e-9));
    assertThat(v.get("sum")).isCloseTo(2.0, within(1e-9));
    assertThat(v.get("min")).isCloseTo(0.1, within(1e-9));
    assertThat(v.get("max")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void percentilesPerSeriesWithinOnePercent() {
    Map<String, Double> v = values("""
        analyzers:
          - {metric: percentile, field: rt, by: upstream, percentiles: [50, 100]}
        """);
    // u1: 0.1, 0.2, 1.0 -> median 0.2, max 1.0; u2: 0.3, 0.4.
    assertThat(v).containsOnlyKeys("u1 p50", "u1 p100", "u2 p50", "u2 p100");
    assertThat(v.get("u1 p50")).isCloseTo(0.2, within(0.002));
    assertThat(v.get("u1 p100")).isCloseTo(1.0, within(0.01));
    assertThat(v.get("u2 p50")).isCloseTo(0.3, within(0.003));
  }

  @Test
  void topValuesMostFrequentFirst() {
    Map<String, Double> v = values("""
        analyzers:
          - {metric: top, field: path, top: 2}
        """);
    assertThat(v.keySet()).containsExactly("/a/x", "/a/x?q=1");
    assertThat(v.get("/a/x")).isEqualTo(2.0);
  }

  @Test
  void byClassAndByPrefix() {
    assertThat(values("""
        analyzers:
          - {metric: count, by: status, by_class: true}
        """)).containsExactly(Map.entry("2xx", 3.0), Map.entry("4xx", 1.0), Map.entry("5xx", 2.0));
    assertThat(values("""
        analyzers:
          - {label: hits, metric: count, by: path, by_prefix: 1}
        """)).containsEntry("hits /a", 4.0).containsEntry("hits /b", 1.0).containsEntry("hits /c", 1.0);
  }

  @Test
  void conditionsInRegexNotRangePresentAndAny() {
    assertThat(values("""
        analyzers:
          - {label: in, metric: count, where: {status: [404, 500]}}
          - {label: not, metric: count, where: {status: {not: 200}}}
          - {label: range, metric: count, where: {rt: {min: 0.2, max: 0.4}}}
          - {label: user, metric: count, where: {user: {present: true}}}
          - {label: nouser, metric: count, where: {user: {regex: '^\\s*$'}}}
          - {label: any, metric: count, match: any, where: {status: 404, upstream: u1}}
        """)).containsEntry("in", 2.0).containsEntry("not", 3.0).containsEntry("range", 3.0)
        .containsEntry("user", 3.0).containsEntry("nouser", 4.0).containsEntry("any", 4.0);
  }

  @Test
  void mistakesNameTheAnalyzerAndTheKey() {
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: percentile}]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("groups.g.analyzers[0].field");
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: count, by_class: true}]"))
        .hasMessageContaining("by_class").hasMessageContaining("only with 'by'");
    assertThatThrownBy(() -> values("analyzers: [{metric: percentile, field: rt, by: upstream, percentiles: [0]}]"))
        .hasMessageContaining("percentiles");
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: count, where: {rt: {above: 1}}}]"))
        .hasMessageContaining("groups.g.analyzers[0].where.rt.above").hasMessageContaining("unknown condition");
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: count, where: {p: {regex: '('}}}]"))
        .hasMessageContaining("invalid regex");
    assertThatThrownBy(() -> values("analyzers: [{metric: top, field: path, by: status}]"))
        .hasMessageContaining("cannot also be split");
    assertThat(List.of(ROWS)).hasSize(6);
  }

  @Test
  void anUnknownMetricListsTheRegisteredOnesAndNamesAreReadLoosely() {
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: avrg, field: rt}]"))
        .hasMessage("groups.g.analyzers[0].metric: unknown metric 'avrg'; use one of:"
            + " count, rate, share, avg, sum, min, max, percentile, retries, top, burn_rate");
    assertThat(values("analyzers: [{label: x, metric: ' AVG ', field: rt}]").get("x"))
        .isCloseTo(0.4, within(1e-9));
  }

  @Test
  void aParameterBelongsToItsMetric() {
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: avg, field: rt, percentiles: [50]}]"))
        .hasMessage("groups.g.analyzers[0].percentiles: a parameter of percentile, not of metric 'avg'");
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: percentile, field: rt, top: 3}]"))
        .hasMessage("groups.g.analyzers[0].top: a parameter of top, not of metric 'percentile'");
    assertThatThrownBy(() -> values("analyzers: [{lable: x, metric: percentile, field: rt}]"))
        .hasMessage("groups.g.analyzers[0].lable: unknown key; expected one of: by, by_class,"
            + " by_prefix, field, label, match, max_series, metric, percentiles, values, where");
    assertThatThrownBy(() -> values("analyzers: [{metric: top, field: path, top: 0}]"))
        .hasMessage("groups.g.analyzers[0].top: must be between 1 and 1000");
    assertThatThrownBy(() -> values("analyzers: [{metric: top, field: path, top: 2.5}]"))
        .hasMessage("groups.g.analyzers[0].top: expected a whole number, got '2.5'");
    assertThatThrownBy(() -> values("analyzers: [{label: x, metric: percentile, field: rt, percentiles: 50}]"))
        .hasMessageContaining("groups.g.analyzers[0].percentiles: expected a list of numbers");
  }

  @Test
  void parametersLeftOutTakeTheirDefaults() {
    assertThat(values("analyzers: [{label: rt, metric: percentile, field: rt}]"))
        .containsOnlyKeys("rt p50", "rt p90", "rt p99");
    assertThat(values("analyzers: [{metric: top, field: status, top: ~}]"))
        .containsOnlyKeys("200", "404", "500", "503");
  }
}
