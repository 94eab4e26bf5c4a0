package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertsConfigTest {
  private static final String BASE = """
      sources: [{id: web, path: /var/log/nginx/access.log, format: combined}]
      periods: [{interval: 5s}, {interval: 1m}]
      groups:
        status: {analyzers: [{by: status, by_class: true, metric: share}]}
      notify:
        receivers:
          ops: {url: "http://127.0.0.1:9093/hook"}
      """;

  private static ConfigException failure(String alerts) {
    return ValidatedYaml.failure(BASE + alerts);
  }

  @Test
  void readsRulesWithTheirDefaults() {
    LivelogConfig c = ConfigLoader.parse(BASE + """
        alerts:
          server_errors:
            group: status
            series: 5xx
            above: 5
            for: 30s
            keep_firing_for: 1m
            labels: {team: web}
            annotations: {summary: "5xx at {{ $value }}%"}
          silent:
            absent: events
            source: web
            for: 2m
        """);
    StructureValidator.validate(c);
    AlertConfig rule = c.alerts().get("server_errors");
    assertThat(rule.holdFor()).isEqualTo(Duration.ofSeconds(30));
    assertThat(rule.keepFiringFor()).isEqualTo(Duration.ofMinutes(1));
    assertThat(rule.severity()).isEqualTo("warning");
    assertThat(rule.labels()).containsEntry("team", "web");
    assertThat(c.alerts().get("silent").watchesSource()).isTrue();
    assertThat(c.notifications().receivers().get("ops").timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.notifications().receivers().get("ops").sendResolved()).isTrue();
    assertThat(c.notifications().externalUrl(c.web())).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void errorsNameTheFieldAndTheReason() {
    assertThat(failure("alerts: {a: {group: nope, above: 1}}").getMessage())
        .isEqualTo("alerts.a.group: unknown group 'nope'; groups: status");
    assertThat(failure("alerts: {a: {group: status, above: 1, for: soon}}").getMessage())
        .startsWith("alerts.a.for: expected a duration such as");
    assertThat(failure("alerts: {a: {group: status, above: 1, sevrity: page}}").getMessage())
        .startsWith("alerts.a.sevrity: unknown key").contains("severity", "keep_firing_for", "for");
    assertThat(failure("alerts: {a: {group: status}}").getMessage())
        .startsWith("alerts.a: needs a condition: above or below");
    assertThat(failure("alerts: {a: {group: status, above: 1, below: 0}}").field())
        .isEqualTo("alerts.a.below");
    assertThat(failure("alerts: {a: {group: status, above: 1, period: 1h}}").getMessage())
        .isEqualTo("alerts.a.period: unknown period '1h'; periods: 5s, 1m");
    assertThat(failure("alerts: {a: {group: status, above: 5, clear: 6}}").field())
        .isEqualTo("alerts.a.clear");
    assertThat(failure("alerts: {a: {group: status, change: month, above: 2}}").getMessage())
        .startsWith("alerts.a.change: 'previous'");
    assertThat(failure("alerts: {a: {group: status, change: day, above: 0}}").field())
        .isEqualTo("alerts.a.above");
    assertThat(failure("alerts: {a: {group: status, above: 1, window: 5m}}").getMessage())
        .isEqualTo("alerts.a.window: not with a threshold (it belongs to change)");
    assertThat(failure("alerts: {a: {group: status, change: previous, above: 2, window: 2d}}").field())
        .isEqualTo("alerts.a.window");
    assertThat(failure("alerts: {a: {absent: events, source: nginx, for: 1m}}").getMessage())
        .isEqualTo("alerts.a.source: unknown source 'nginx'; sources: web");
    assertThat(failure("alerts: {a: {absent: events, source: web}}").field()).isEqualTo("alerts.a.for");
    assertThat(failure("alerts: {a: {absent: events, source: web, for: 1m, above: 3}}").field())
        .isEqualTo("alerts.a.above");
    assertThat(failure("alerts: {a: {absent: lines, group: status, for: 1m}}").field())
        .isEqualTo("alerts.a.absent");
    assertThat(failure("alerts: {a: {group: status, above: 1, for: 8d}}").field()).isEqualTo("alerts.a.for");
    assertThat(failure("alerts: {a: {group: status, above: 1, labels: {alertname: x}}}").field())
        .isEqualTo("alerts.a.labels.alertname");
    assertThat(failure("alerts: {a: {group: status, above: 1, labels: {2x: y}}}").field())
        .isEqualTo("alerts.a.labels.2x");
    assertThat(failure("alerts: {a: {group: status, above: 1, receivers: [pager]}}").getMessage())
        .isEqualTo("alerts.a.receivers[0]: unknown receiver 'pager'; receivers (notify.receivers): ops");
    assertThat(failure("alerts: {'bad name': {group: status, above: 1}}").field())
        .isEqualTo("alerts.bad name");
  }

  @Test
  void receiversNeedOneUrlAndSaneTimeouts() {
    String rule = "alerts: {a: {group: status, above: 1}}\n";
    assertThat(failure(rule + "notify: {receivers: {x: {url_env: HOOK, url: 'http://a/'}}}").field())
        .isEqualTo("notify.receivers.x.url");
    assertThat(failure(rule + "notify: {receivers: {x: {url: 'ftp://a/'}}}").getMessage())
        .isEqualTo("notify.receivers.x.url: an http:// or https:// URL with a host, got 'ftp://a/'");
    assertThat(failure(rule + "notify: {receivers: {x: {url_env: 'my hook'}}}").field())
        .isEqualTo("notify.receivers.x.url_env");
    assertThat(failure(rule + "notify: {receivers: {x: {url: 'http://a/', timeout: 0s}}}").field())
        .isEqualTo("notify.receivers.x.timeout");
    assertThat(failure(rule + "notify: {external_url: 'livelog.example.com'}").field())
        .isEqualTo("notify.external_url");
    assertThatCode(() -> StructureValidator.validate(ConfigLoader.parse(BASE.replace(
        "url: \"http://127.0.0.1:9093/hook\"", "url_env: LIVELOG_HOOK, bearer_token_env: HOOK_TOKEN") + rule)))
        .doesNotThrowAnyException();
  }
}
