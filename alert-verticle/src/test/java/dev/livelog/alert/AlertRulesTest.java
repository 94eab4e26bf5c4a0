package dev.livelog.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  @Test
  void aSeriesMustBeOneTheGroupDeclaresUnlessItsSeriesComeFromTheData() {
    assertThatThrownBy(() -> TestRules.compile("alerts: {a: {group: status, series: 6xx, above: 1}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("alerts.a.series: group 'status' has no series '6xx'; its series: 2xx, 4xx, 5xx");
    assertThat(TestRules.compile("alerts: {a: {group: upstreams, series: 'rt 10.0.0.1:80', above: 1}}"))
        .hasSize(1);
  }

  @Test
  void annotationsMayUseOnlyPlaceholdersTheyCanFill() {
    assertThatThrownBy(() -> TestRules.compile(
        "alerts: {a: {group: hits, series: hits, above: 1, annotations: {summary: '{{ $labels.host }}'}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alerts.a.annotations.summary: unknown placeholder {{ $labels.host }}");
    assertThatThrownBy(() -> TestRules.compile(
        "alerts: {a: {group: hits, above: 1, annotations: {summary: '{{ .Value }}'}}}"))
        .hasMessageStartingWith("alerts.a.annotations.summary: unknown placeholder {{ .Value }}");
  }

  @Test
  void labelsAndRenderedAnnotations() {
    AlertRule rule = TestRules.compile("""
        alerts:
          server_errors:
            group: status
            above: 5
            severity: critical
            labels: {team: web}
            annotations:
              summary: "{{ $labels.series }} at {{ $value }}% (over {{ $threshold }}%)"
        """).get(0);
    Map<String, String> labels = rule.labels("5xx");
    assertThat(labels).containsOnly(Map.entry("alertname", "server_errors"), Map.entry("severity", "critical"),
        Map.entry("group", "status"), Map.entry("period", "5s"), Map.entry("series", "5xx"),
        Map.entry("team", "web"));
    assertThat(rule.annotations(12.345, labels)).containsEntry("summary", "5xx at 12.3% (over 5%)");
    assertThat(rule.receivers).containsExactly("ops");
    assertThat(rule.keepMillis).as("default keep: one interval").isEqualTo(5_000);
  }

  @Test
  void aDefaultSummarySaysWhatAndHowMuch() {
    AlertRule threshold = TestRules.compile(
        "alerts: {a: {group: status, series: 5xx, above: 5, for: 30s}}").get(0);
    assertThat(threshold.annotations(7.0, threshold.labels("5xx")))
        .containsEntry("summary", "status 5xx is 7.0, above 5 for 30s");
    AlertRule silent = TestRules.compile("alerts: {a: {absent: events, source: web, for: 2m}}").get(0);
    assertThat(silent.annotations(150.0, silent.labels("web")))
        .containsEntry("summary", "no event from source web for 2m30s");
    assertThat(silent.labels("web")).containsEntry("source", "web").doesNotContainKey("group");
    AlertRule change = TestRules.compile(
        "alerts: {a: {group: hits, series: hits, change: day, above: 2}}").get(0);
    assertThat(change.annotations(2.5, change.labels("hits")))
        .containsEntry("summary", "hits hits is 2.50x its mean a day earlier, above 2x");
  }

  @Test
  void aBurnRateWindowPairIsASeriesARuleCanWatch() {
    List<AlertRule> rules = AlertRules.compile(ConfigLoader.parse("""
        groups:
          slo: {analyzers: [{label: api, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}}]}
        alerts:
          fast_burn: {group: slo, series: 'api 5m&1h', above: 14.4, severity: critical}
        """, Map.of()));
    assertThat(rules.get(0).series).isEqualTo("api 5m&1h");
    assertThatThrownBy(() -> AlertRules.compile(ConfigLoader.parse("""
        groups:
          slo: {analyzers: [{label: api, metric: burn_rate, objective: 99.9, good: {status: {lt: 500}}}]}
        alerts:
          fast_burn: {group: slo, series: 'api 2h', above: 14.4}
        """, Map.of()))).hasMessageContaining("its series: api, api 5m, api 1h, api 30m, api 6h, api 5m&1h, api 30m&6h");
  }

  @Test
  void aReceiversKindMustBeARegisteredOne() {
    assertThatThrownBy(() -> AlertRules.validate(ConfigLoader.parse(
        "notify: {receivers: {pager: {kind: pagerduty, url: 'http://127.0.0.1:9/x'}}}", Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("notify.receivers.pager.kind: unknown receiver kind 'pagerduty'; use one of: webhook, alertmanager");
  }
}
