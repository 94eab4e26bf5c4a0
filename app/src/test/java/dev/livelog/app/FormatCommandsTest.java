package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** formats, test-format and check-config: what a user fixing a format sees. */
class FormatCommandsTest {
  private static final String SEED_LINE = "***25/Nov/2026:10:00:01 -0800 ups_ad: 10.0.0.12:8080"
      + " ups_rt: 0.083 cache: MISS www.example.com \"GET /x HTTP/1.1\" (200) media: 0 wp_login: ";

  @TempDir Path dir;

  @Test
  void formatsListsTheBuiltIns() {
    CliTest.Run r = CliTest.livelog("formats");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("combined").contains("main").contains("common").contains("json")
        .contains("seed_cache").contains("log_format: $remote_addr").contains("(?P<ups_ad>.*)");
  }

  @Test
  void testFormatShowsTheRateAndACaretWhereARegexStopped() throws Exception {
    Path log = dir.resolve("cache.log");
    String bad = SEED_LINE.replace("cache: MISS", "cache: MAYBE");
    Files.write(log, List.of(SEED_LINE, bad, SEED_LINE));
    CliTest.Run r = CliTest.livelog("test-format", "seed_cache", log.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("2 of 3 lines parsed (66.7%) with format seed_cache");
    List<String> out = r.out().lines().toList();
    int at = out.indexOf(out.stream().filter(l -> l.startsWith("line 2:")).findFirst().orElseThrow());
    assertThat(out.get(at)).contains("(?P<status>HIT|MISS");
    String shown = out.get(at + 1);
    String caret = out.get(at + 2);
    assertThat(shown.charAt(caret.indexOf('^'))).isEqualTo('M');
    assertThat(shown.substring(caret.indexOf('^'))).startsWith("MAYBE");
  }

  @Test
  void aLongLineIsShownAroundWhereMatchingStopped() throws Exception {
    Path log = dir.resolve("access.log");
    String line = "10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /" + "a".repeat(500)
        + " HTTP/1.1\" 2x0 5 \"-\" \"curl\"";
    Files.write(log, List.of(line));
    CliTest.Run r = CliTest.livelog("test-format", "combined", log.toString());
    List<String> out = r.out().lines().toList();
    String shown = out.get(out.size() - 2);
    String caret = out.get(out.size() - 1);
    assertThat(shown).startsWith("  ...");
    assertThat(shown.substring(caret.indexOf('^'))).startsWith("2x0");
  }

  @Test
  void invalidBytesAreReplacedNotFatal() throws Exception {
    Path log = dir.resolve("latin.log");
    byte[] line = ("10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /caf\u00e9 HTTP/1.1\" 200 5 \"-\" \"x\"\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(log, line);
    CliTest.Run r = CliTest.livelog("test-format", "combined", log.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 of 1 lines parsed");
  }

  @Test
  void checkConfigSamplesLocalSources() throws Exception {
    Path log = dir.resolve("cache.log");
    Files.write(log, List.of(SEED_LINE, "garbage"));
    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, """
        formats:
          cache:
            regex: '\\*\\*\\*(?P<time>\\S+ -\\d{4}) ups_ad: (?P<ups_ad>.*) ups_rt: (?P<ups_rt>.*) cache: (?P<status>\\S+)'
            types: {time: "%%d/%%b/%%Y:%%H:%%M:%%S %%z", ups_rt: seconds}
        sources:
          - {id: local, path: %s, format: cache}
          - {id: gone, path: %s, format: combined}
          - {id: home, path: ~/livelog-missing-test.log, format: combined}
          - {id: pipe, path: "-", format: combined}
        """.formatted(log, dir.resolve("missing.log")));
    CliTest.Run r = CliTest.livelog("check-config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("source local (format cache): " + log + ": 1 of 2 lines parsed (50.0%)")
        .contains("line 2: does not match the format's regex")
        .contains("source gone (format combined): " + dir.resolve("missing.log") + " cannot be read here")
        .contains("source home (format combined): "
            + Path.of(System.getProperty("user.home"), "livelog-missing-test.log") + " cannot be read here")
        .contains("source pipe (format combined): not a local file, not sampled");
  }

  @Test
  void checkConfigSamplesTheFirstFileAPatternWouldFollow() throws Exception {
    KubeletLogs kubelet = new KubeletLogs(dir.resolve("var/log"));
    Path shop = kubelet.container("shop", "web-5f7b9c6d8-abcde", "nginx");
    Files.writeString(shop, "not an envelope\n");
    Path ingress = kubelet.container("ingress-nginx", "ingress-nginx-controller-7d9c8b6f5-x2x7q",
        "controller");
    KubeletLogs.requests(ingress, 1, 9);
    KubeletLogs.append(ingress, "garbage\n");
    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, """
        sources:
          - {id: ingress, path: '%s/*.log', kubernetes: {namespace: ingress-nginx},
             format: {cri: upstreaminfo}}
          - {id: nothing, path: '%s/*.log', kubernetes: {namespace: none}, format: combined}
        """.formatted(kubelet.containers(), kubelet.containers()));
    CliTest.Run r = CliTest.livelog("check-config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("source ingress \\(format .*\\): \\S+"
            + "ingress-nginx-controller-7d9c8b6f5-x2x7q_ingress-nginx_controller-\\w+\\.log: 9 of 10"
            + " lines parsed")
        .contains("source nothing (format combined): " + kubelet.containers() + "/*.log cannot be"
            + " read here");
  }

  @Test
  void testFormatAndCheckConfigSayWhichEngineRunsEachRegexAndWhy() throws Exception {
    Path log = dir.resolve("cache.log");
    Files.write(log, List.of(SEED_LINE));
    CliTest.Run seed = CliTest.livelog("test-format", "seed_cache", log.toString());
    assertThat(seed.out()).contains("regex runs on livelog's regex scanner");
    CliTest.Run combined = CliTest.livelog("test-format", "combined", log.toString());
    assertThat(combined.out()).doesNotContain("regex runs on");

    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, """
        formats:
          ids: {regex: '(?<=id=)(?P<user_id>\\d+)'}
          words: {regex: '^(?P<ip>\\S+) (?:(?P<word>\\w+) )*(?P<rest>.*)'}
        sources:
          - {id: cache, path: %s, format: seed_cache}
          - {id: inline, path: %s, format: {regex: '^(?P<ip>\\S+) '}}
          - {id: web, path: %s, format: combined}
        """.formatted(log, log, log));
    CliTest.Run r = CliTest.livelog("check-config", "--sample", "0", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains("regex runs on")).toList()).containsExactly(
        "format ids: regex runs on java.util.regex: the scanner does not run a look-behind: (?<=id=)",
        "format words: regex runs on java.util.regex: the scanner does not run a repeated group:"
            + " (?:(?<word>\\w+) )*",
        "format seed_cache (built-in): regex runs on livelog's regex scanner (java.util.regex's"
            + " results, less work)",
        "source inline (inline format): regex runs on livelog's regex scanner (java.util.regex's"
            + " results, less work)");
  }
}
