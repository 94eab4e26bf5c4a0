package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, analyze's numbers. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run livelog(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Livelog.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aBadConfigNamesTheFieldAndExitsWith2() throws Exception {
    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, "sources:\n  - {id: web, path: /var/log/x.log, format: combined, frm: start}\n");
    Run r = livelog("check-config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("sources[0].frm").contains("unknown key").contains("from");
    assertThat(r.err().lines()).hasSize(1);

    Files.writeString(config, "formats:\n  bad: {regex: '(?P<x>[0-9'}\n");
    r = livelog("check-config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("formats.bad.regex").contains("invalid regex");

    Files.writeString(config, "groups:\n  g: {analyzers: [{label: a, metric: median}]}\n");
    r = livelog("run", "-c", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("groups.g.analyzers[0].metric").contains("unknown metric 'median'");

    Files.writeString(config, "storage: {mongo: {uri: 'mongodb://livelog:change-me@db.example:27017/?authSource=admin'}}\n");
    r = livelog("run", "-c", config.toString());
    assertThat(r.code()).as("a template's MongoDB password: refused before anything starts").isEqualTo(2);
    assertThat(r.err()).contains("storage.mongo.uri: its password is a placeholder ('change-me')");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aClusterTlsFileThatIsMissingOrNotPemStopsTheStartNamingTheField() throws Exception {
    Path config = dir.resolve("cluster.yaml");
    Path notPem = Files.writeString(dir.resolve("tls.crt"), "not a certificate\n");
    Files.writeString(config, "cluster: {bus_port: 0, tls: {ca: '" + dir.resolve("missing-ca.crt")
        + "', cert: '" + notPem + "', key: '" + notPem + "'}}\n");
    Run r = livelog("run", "-c", config.toString(), "--cluster");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("livelog: cluster.tls.");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aBadAlertRuleNamesTheFieldAndExitsWith2() throws Exception {
    Path config = dir.resolve("alerts.yaml");
    String groups = "groups:\n  status: {analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 5xx]}]}\n";
    Files.writeString(config, groups + "alerts:\n  errors: {group: status, series: 6xx, above: 5}\n");
    Run r = livelog("check-config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("alerts.errors.series: group 'status' has no series '6xx'; its series: 2xx, 5xx");
    assertThat(r.err().lines()).hasSize(1);

    Files.writeString(config, groups + "alerts:\n  errors: {group: status, above: 5, for: 1 minute}\n");
    r = livelog("run", "-c", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("alerts.errors.for").contains("expected a duration");

    Files.writeString(config, groups + "notify: {receivers: {ops: {url_env: NO_SUCH_HOOK_VARIABLE}}}\n"
        + "alerts:\n  errors: {group: status, above: 5}\n"
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\nweb: {port: 0}\n");
    r = livelog("check-config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("alerts: 1 rule (errors), told to ops")
        .contains("warning: notify.receivers.ops.url_env: the environment variable NO_SUCH_HOOK_VARIABLE is not set here");
    r = livelog("run", "-c", config.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("notify.receivers.ops.url_env: the environment variable NO_SUCH_HOOK_VARIABLE is not set");
  }

  @Test
  void aGoodConfigIsSummarised() throws Exception {
    Path config = dir.resolve("ok.yaml");
    Files.writeString(config, "sources:\n  - {id: web, path: /var/log/x.log, format: combined}\n");
    Run r = livelog("check-config", config.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("OK").contains("1 sources");
  }

  @Test
  void wrongFlagsAndMissingFilesAreOneClearLineWithExitCode2() throws Exception {
    Run flag = livelog("analyze", "--nope", "x.log");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("Unknown option: '--nope'").contains("livelog analyze --help");
    Run missing = livelog("analyze", dir.resolve("missing.log").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("livelog: no such file:");
    Run noConfig = livelog("check-config", dir.resolve("none.yaml").toString());
    assertThat(noConfig.code()).isEqualTo(2);
    assertThat(noConfig.err()).contains("no such file");
    Run role = livelog("run", "-c", "x.yaml", "--roles", "cook");
    assertThat(role.err()).contains("unknown role 'cook'");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "sources: [{id: a\n  bad: : x\n");
    Run syntax = livelog("check-config", broken.toString());
    assertThat(syntax.code()).isEqualTo(2);
    assertThat(syntax.err()).contains("YAML syntax error at line 2, column");
    for (Run run : List.of(flag, missing, noConfig, role, syntax)) {
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    }
  }

  @Test
  void analyzeJsonCountsWhatTheFileHolds() throws Exception {
    Path log = dir.resolve("access.log");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int status = i % 10 == 0 ? 404 : i % 30 == 1 ? 503 : 200;
      String path = i % 3 == 0 ? "/a" : i % 3 == 1 ? "/b?q=" + i : "/c";
      lines.add(String.format("10.0.0.%d - - [25/Nov/2026:10:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d %d \"-\" \"curl\"",
          i % 4, i / 60, i % 60, path, status, 100));
    }
    lines.add("this is not a log line");
    Files.write(log, lines);
    Run r = livelog("analyze", "--json", "--threads", "2", log.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonObject json = new JsonObject(r.out());
    assertThat(json.getString("format")).isEqualTo("combined");
    assertThat(json.getLong("lines")).isEqualTo(301);
    assertThat(json.getLong("parsed")).isEqualTo(300);
    assertThat(json.getLong("failed")).isEqualTo(1);
    assertThat(json.getString("first")).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(json.getString("last")).isEqualTo("2026-11-25T10:04:59Z");
    // 404 every 10th line (30); 503 on i % 30 == 1 (10); the rest 200.
    assertThat(json.getJsonObject("status").getMap())
        .containsEntry("2xx", 260).containsEntry("4xx", 30).containsEntry("5xx", 10).containsEntry("3xx", 0);
    assertThat(json.getLong("bytes")).isEqualTo(30_000);
    assertThat(json.getJsonArray("top_paths").getJsonObject(0).getMap())
        .containsEntry("path", "/a").containsEntry("count", 100);
    assertThat(json.getJsonArray("first_failures").getJsonObject(0).getString("line"))
        .isEqualTo("this is not a log line");
  }

  @Test
  void analyzeComputesTheConfigsPlotGroupsOverTheWholeInput() throws Exception {
    Path config = dir.resolve("groups.yaml");
    Files.writeString(config, """
        groups:
          errors:
            label: Errors
            format: "%.1f%%"
            analyzers:
              - {label: 5xx, metric: share, where: {status: {min: 500}}}
              - {label: rate, metric: rate}
        """);
    Path log = dir.resolve("a.log");
    Files.write(log, List.of(
        "1.1.1.1 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 500 1 \"-\" \"-\"",
        "1.1.1.1 - - [25/Nov/2026:10:00:05 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"",
        "1.1.1.1 - - [25/Nov/2026:10:00:06 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"",
        "1.1.1.1 - - [25/Nov/2026:10:00:10 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\""));
    Run r = livelog("analyze", "--json", "-c", config.toString(), "-f", "combined", log.toString());
    JsonObject errors = new JsonObject(r.out()).getJsonObject("groups").getJsonObject("errors");
    assertThat(errors.getDouble("5xx")).isEqualTo(25.0);
    assertThat(errors.getDouble("rate")).isEqualTo(0.4); // 4 requests over 10 s
    Run text = livelog("analyze", "-c", config.toString(), log.toString());
    assertThat(text.out()).contains("errors (Errors): 5xx 25.0% rate 0.4%");
  }
}
