package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DashboardDescriptionTest {

  @Test
  void defaultsAreTheSeedsTwoPeriodsAndNoGroups() {
    JsonObject description = DashboardDescription.of(ConfigLoader.parse(""));
    assertThat(description.getJsonArray("periods").stream()
        .map(p -> ((JsonObject) p).getString("name"))).containsExactly("5s", "5m");
    assertThat(description.getJsonArray("periods").getJsonObject(1).getLong("window_ms"))
        .isEqualTo(305_000L);
    assertThat(description.getJsonArray("groups")).isEmpty();
    assertThat(description.getJsonArray("periods").getJsonObject(0).getJsonObject("chart")).isEmpty();
  }

  @Test
  void aPeriodsChartDefaultsGoToThePage() {
    JsonObject period = DashboardDescription.of(ConfigLoader.parse(
        "periods: [{interval: 5m, chart: {type: bar, y_min: 0}}]")).getJsonArray("periods").getJsonObject(0);
    assertThat(period.getJsonObject("chart").getMap()).containsEntry("type", "bar").containsEntry("y_min", 0);
  }

  @Test
  void aGroupWithoutLabelIsNamedByItsKeyAndSeriesAreNamedAsTheAnalyzerNamesThem() {
    JsonObject group = DashboardDescription.of(ConfigLoader.parse("""
        groups:
          upstreams:
            analyzers:
              - {label: by server, metric: avg, field: ups_rt, by: ups_ad}
              - {label: overall, metric: avg, field: ups_rt}
              - {label: status, metric: share, by: status, values: ["200", "500"]}
              - {metric: share, by: cache, values: [HIT]}
        """)).getJsonArray("groups").getJsonObject(0);
    assertThat(group.getString("label")).isEqualTo("upstreams");
    assertThat(group.getString("format")).isEqualTo("%.2f");
    assertThat(group.getJsonObject("chart")).isEmpty();
    assertThat(group.getJsonArray("analyzers")).containsExactly("by server", "overall", "status");
    assertThat(group.getJsonArray("series"))
        .containsExactly("overall", "status 200", "status 500", "HIT");
  }

  @Test
  void aGroupsSeriesAreNamedByItsMetrics() {
    JsonObject group = DashboardDescription.of(ConfigLoader.parse("""
        groups:
          latency:
            analyzers:
              - {label: rt, metric: percentile, field: ups_rt, percentiles: [50, 99.9]}
              - {metric: percentile, field: ups_rt, by: ups_ad, values: [a]}
              - {metric: top, field: request}
        """)).getJsonArray("groups").getJsonObject(0);
    // Percentiles are known before data; top values only as they arrive.
    assertThat(group.getJsonArray("series"))
        .containsExactly("rt p50", "rt p99.9", "a p50", "a p90", "a p99");
  }

  @Test
  void anSlosPanelShowsItsBurnRatesAndTheBudgetLeftAndTheAlertRulesAreListed() {
    JsonObject description = DashboardDescription.of(ConfigLoader.parse("""
        groups:
          api:
            where: {path: {regex: '^/api'}}
            analyzers:
              - {label: slo, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}, slo_period: 28d}
        alerts:
          fast_burn: {group: api, series: slo 5m&1h, above: 14.4, severity: critical}
        """));
    JsonObject group = description.getJsonArray("groups").getJsonObject(0);
    assertThat(group.getJsonArray("series")).containsExactly("slo", "slo 5m", "slo 1h", "slo 30m",
        "slo 6h", "slo 5m&1h", "slo 30m&6h");
    JsonObject budget = group.getJsonArray("figures").getJsonObject(0);
    assertThat(budget.getString("title")).isEqualTo("error budget left over 28d");
    assertThat(budget.getString("series")).isEqualTo("slo");
    assertThat(budget.getLong("span_ms")).isEqualTo(28 * 86_400_000L);
    assertThat(budget.getDouble("offset")).isEqualTo(100.0);
    assertThat(budget.getDouble("scale")).isEqualTo(-100.0);
    assertThat(description.getJsonArray("alerts").getJsonObject(0).getString("name")).isEqualTo("fast_burn");
  }

  @Test
  void offersTheFieldsTheGroupsNameToSplitByAndTheTailsRate() {
    JsonObject description = DashboardDescription.of(ConfigLoader.parse("""
        web: {tail_rate: 7}
        groups:
          api:
            where: {path: {regex: '^/api'}}
            analyzers:
              - {label: avg, metric: avg, field: rt, where: {status: {lt: 500}}}
              - {metric: count, by: upstream_addr}
        """));
    assertThat(description.getJsonArray("fields"))
        .containsExactly("path", "rt", "source", "status", "upstream_addr");
    assertThat(description.getJsonObject("tail").getInteger("max_rate")).isEqualTo(7);
  }
}
