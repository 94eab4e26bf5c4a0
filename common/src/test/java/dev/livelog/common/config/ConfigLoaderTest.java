package dev.livelog.common.config;

import static dev.livelog.common.config.ValidatedYaml.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {


  @Test
  void readsSnakeCaseKeysDurationsAndDefaults() {
    LivelogConfig c = ConfigLoader.parse("""
        hosts:
          us-ng1: {hostname: ng1.example.com, user: deploy, identity_file: ~/.ssh/id}
        sources:
          - {id: ng1-cache, host: us-ng1, path: /var/log/nginx/cache.log, format: combined,
             encoding: latin-1}
          - id: local
            path: /tmp/a.log
            format: {regex: '(?P<x>\\d+)', types: {x: int}}
        periods:
          - {interval: 5s}
          - {interval: 5m, window: 5m5s, history: 10}
        pipeline: {batch_delay: 250ms}
        """);
    assertThat(c.hosts().get("us-ng1").identityFile()).isEqualTo("~/.ssh/id");
    assertThat(c.hosts().get("us-ng1").port()).isEqualTo(22);
    assertThat(c.sources().get(0).format().name()).isEqualTo("combined");
    assertThat(c.sources().get(0).encoding()).isEqualTo("latin-1");
    assertThat(c.sources().get(1).format().inline().settings().get("regex")).isEqualTo("(?P<x>\\d+)");
    assertThat(c.sources().get(1).format().inline().types()).isEqualTo(Map.of("x", "int"));
    assertThat(c.periods().get(0).name()).isEqualTo("5s");
    assertThat(c.periods().get(0).window()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.periods().get(1).window()).isEqualTo(Duration.ofSeconds(305));
    assertThat(c.periods().get(1).history()).isEqualTo(10);
    assertThat(c.pipeline().batchDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.web().port()).isEqualTo(8080);
    StructureValidator.validate(c);
  }

  @Test
  void theLiveTailsRateHasADefaultAndBounds() {
    assertThat(ValidatedYaml.valid("web: {port: 8080}\n").web().tailRate()).isEqualTo(20);
    assertThat(ValidatedYaml.valid("web: {tail_rate: 5}\n").web().tailRate()).isEqualTo(5);
    ValidatedYaml.rejects("web: {tail_rate: 0}\n", "web.tail_rate", "must be between 1 and 1000");
    ValidatedYaml.rejects("web: {tail_rate: 5000}\n", "web.tail_rate", "got 5000");
  }

  @Test
  void emptyFileMeansAllDefaults() {
    LivelogConfig c = ConfigLoader.parse("");
    assertThat(c.periods()).extracting(PeriodConfig::name).containsExactly("5s", "5m");
    assertThat(c.periods()).extracting(PeriodConfig::history).containsExactly(144, 144);
  }

  @Test
  void unknownKeyOfASectionNamesTheFieldTheAllowedKeysAndTheLine() {
    ConfigException e = failure("web: {port: 8080}\npipeline: {batch_line: 10}\n");
    assertThat(e.field()).isEqualTo("pipeline.batch_line");
    assertThat(e.reason()).contains("unknown key").contains("batch_lines").contains("line 2");
  }

  @Test
  void aTickDelayIsAtMostAMinute() {
    assertThat(ConfigLoader.parse("pipeline: {tick_delay: 3s}").pipeline().tickDelay())
        .isEqualTo(java.time.Duration.ofSeconds(3));
    assertThat(ConfigLoader.parse("").pipeline().tickDelay()).as("derived by the analyzer").isNull();
    assertThatThrownBy(() -> StructureValidator.validate(ConfigLoader.parse("pipeline: {tick_delay: 2m}")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("pipeline.tick_delay"))
        .hasMessageContaining("0 to 1m");
  }

  @Test
  void keysOfAKindAreKeptWithTheirLineForTheKindToRead() {
    SourceConfig s = ConfigLoader.parse("sources:\n  - id: a\n    format: combined\n"
        + "    path: /x\n    depth: {a: 1}\n").sources().get(0);
    assertThat(s.text("path")).isEqualTo("/x");
    assertThat(s.has("command")).isFalse();
    assertThat(s.settings().get("path").where()).isEqualTo(" (line 4)");
    assertThatThrownBy(() -> s.text("depth")).isInstanceOf(ConfigException.class)
        .hasMessage("depth: expected a text value (line 5)");
  }

  @Test
  void wrongTypeNamesTheFieldAndTheValue() {
    ConfigException e = failure("web: {port: eighty}\n");
    assertThat(e.field()).isEqualTo("web.port");
    assertThat(e.reason()).contains("whole number").contains("eighty");
  }

  @Test
  void badDurationNamesTheField() {
    ConfigException e = failure("periods: [{interval: soon}]\n");
    assertThat(e.field()).isEqualTo("periods[0].interval");
    assertThat(e.reason()).contains("duration").contains("soon");
  }

  @Test
  void semanticErrorsNameTheField() {
    assertThat(failure("sources: [{id: a, path: /x, format: combined, encoding: klingon}]").field())
        .isEqualTo("sources[0].encoding");
    assertThat(failure("periods: [{interval: 5s, window: 2s}]").field())
        .isEqualTo("periods[0].window");
    assertThat(failure("sources: [{id: a, path: /x, format: c}, {id: a, path: /y, format: c}]")
        .reason()).contains("duplicate source id");
  }

  @Test
  void yamlSyntaxErrorGivesTheLine() {
    ConfigException e = failure("web:\n  port: 80\n bad indent: [\n");
    assertThat(e.reason()).contains("YAML syntax error").contains("line");
  }

  @Test
  void mongoUriComesFromTheEnvironmentKeepingTheSectionsOtherKeys() {
    LivelogConfig c = ConfigLoader.withEnvironment(
        ConfigLoader.parse("storage: {mongo: {database: logs}}"),
        Map.of(StorageConfig.MONGO_URI_ENV, "mongodb://127.0.0.1:27017"));
    assertThat(c.storage().settings().get("mongo").value().path("uri").asText())
        .isEqualTo("mongodb://127.0.0.1:27017");
    assertThat(c.storage().settings().get("mongo").value().path("database").asText())
        .isEqualTo("logs");
  }

  @Test
  void environmentVariablesFillValuesAndNameTheFieldWhenUnset() {
    LivelogConfig c = ConfigLoader.parse(
        "sources: [{id: \"nginx-${NODE_NAME}\", path: \"${LOG_DIR:-/var/log/nginx}/access.log\","
            + " format: combined}]\nweb: {port: 8080}\n", Map.of("NODE_NAME", "node-7"));
    assertThat(c.sources().get(0).id()).isEqualTo("nginx-node-7");
    assertThat(c.sources().get(0).text("path")).isEqualTo("/var/log/nginx/access.log");
    assertThat(c.web().port()).isEqualTo(8080);
    assertThatThrownBy(() -> ConfigLoader.parse("sources: [{id: \"a-${NOPE}\", path: /x, format: c}]", Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("sources[0].id"))
        .hasMessageContaining("NOPE is not set");
  }

  @Test
  void lowerCaseBracesStayForFormatsAndDerivedFieldsAndDoubleDollarEscapes() {
    LivelogConfig c = ConfigLoader.parse("""
        formats:
          br:
            nginx: '${remote_addr} [${time_local}] "$request" $status'
            derive:
              section: {from: path, regex: '^/(?P<top>[^/]+)/', value: '${top}'}
        sources: [{id: "a-$${HOME}", path: /x, format: br}]
        """, Map.of("HOME", "/root"));
    assertThat(c.formats().get("br").settings().get("nginx")).isEqualTo("${remote_addr} [${time_local}] \"$request\" $status");
    assertThat(c.sources().get(0).id()).isEqualTo("a-${HOME}");
    assertThat(c.formats().get("br").derive().get("section").value()).isEqualTo("${top}");
  }

  @Test
  void theFieldsGroupsFilterOnAreCollectedForIndexes() {
    LivelogConfig c = ConfigLoader.parse("""
        groups:
          g:
            where: {media: "0"}
            analyzers:
              - {label: a, metric: count, where: {status: HIT, wp_login: {regex: '^$'}}}
              - {metric: avg, field: ups_rt, by: ups_ad}
        """, Map.of());
    assertThat(c.filteredFields()).containsExactly("media", "status", "wp_login");
  }

  @Test
  void periodsCarryChartDefaultsAndChartOptionsAreChecked() {
    LivelogConfig c = ConfigLoader.parse("""
        periods:
          - {interval: 5m, chart: {type: bar, height: 300, y_min: 0}}
        groups:
          g:
            chart: {type: table, colors: {HIT: "#2e7d32"}}
            analyzers: [{metric: count, by: status}]
        """, Map.of());
    StructureValidator.validate(c);
    assertThat(c.periods().get(0).chart()).containsEntry("type", "bar").containsEntry("height", 300);

    assertThat(failure("periods: [{interval: 5s, chart: {typ: bar}}]").field()).isEqualTo("periods[0].chart.typ");
    assertThat(failure("periods: [{interval: 5s, chart: {type: table}}]").reason())
        .contains("expected one of stacked, bar, area, line");
    ConfigException pie = failure("groups: {g: {chart: {type: pie}, analyzers: [{metric: count}]}}");
    assertThat(pie.field()).isEqualTo("groups.g.chart.type");
    assertThat(pie.reason()).contains("table").contains("'pie'");
    assertThat(failure("groups: {g: {chart: {y_max: lots}, analyzers: [{metric: count}]}}").reason())
        .contains("expected a number");
    assertThat(failure("periods: [{interval: 5s, chart: {height: 5}}]").field()).isEqualTo("periods[0].chart.height");
    assertThat(failure("groups: {g: {chart: {colors: {HIT: green}}, analyzers: [{metric: count}]}}").reason())
        .contains("#rrggbb");
  }

  @Test
  void durationsRoundTrip() {
    assertThat(Durations.parse("5m5s")).isEqualTo(Duration.ofSeconds(305));
    assertThat(Durations.parse("300")).isEqualTo(Duration.ofSeconds(300));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.format(Duration.ofSeconds(305))).isEqualTo("5m5s");
    assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
    assertThatThrownBy(() -> Durations.parse("5x")).hasMessageContaining("'5x'");
    assertThatThrownBy(() -> Durations.parse("5s garbage")).isInstanceOf(IllegalArgumentException.class);
  }
}
