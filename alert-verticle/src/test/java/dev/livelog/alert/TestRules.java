package dev.livelog.alert;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.StructureValidator;
import java.util.List;
import java.util.Map;

/** Rules compiled from config text, with the groups the tests use. */
final class TestRules {
  static final String GROUPS = """
      sources: [{id: web, path: /var/log/nginx/access.log, format: combined}]
      periods: [{interval: 5s}]
      groups:
        status:
          format: "%.1f"
          analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 4xx, 5xx]}]
        hits: {analyzers: [{label: hits, metric: count}]}
        upstreams: {analyzers: [{label: rt, by: upstream, metric: avg, field: upstream_response_time}]}
      notify:
        receivers:
          ops: {url: "http://127.0.0.1:9/hook"}
      """;

  private TestRules() {}

  static LivelogConfig config(String alerts) {
    LivelogConfig config = ConfigLoader.parse(GROUPS + alerts, Map.of());
    StructureValidator.validate(config);
    return config;
  }

  static List<AlertRule> compile(String alerts) {
    return AlertRules.compile(config(alerts));
  }
}
