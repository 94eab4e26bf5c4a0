package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipes into livelog: {@code livelog analyze -}, a {@code path: "-"} source under
 * {@code livelog run}, and a local command's output as a source; and check-config of the
 * example config, whose SSH hosts need keys that are not on this machine.
 */
class StdinAndCommandSourcesTest {
  @TempDir Path dir;

  private LivelogConfig config(String source) {
    return ConfigLoader.parse("formats:\n"
        + "  numbered: {regex: '^(?P<n>\\d+) (?P<text>.*)$', types: {n: int}}\n"
        + "sources:\n" + source
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {port: 0}\n"
        + "pipeline: {batch_delay: 20ms}\n");
  }

  @Test
  void analyzeReadsAPipe() throws Exception {
    String lines = "10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET /a HTTP/1.1\" 200 100 \"-\" \"curl\"\n"
        + "10.0.0.2 - - [25/Nov/2026:10:00:01 +0000] \"GET /b HTTP/1.1\" 404 10 \"-\" \"curl\"\n";
    InputStream stdin = System.in;
    StringWriter out = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
      int code = Livelog.execute(new String[] {"analyze", "-", "--json"}, new PrintWriter(out, true),
          new PrintWriter(new StringWriter(), true));
      assertThat(code).isZero();
    } finally {
      System.setIn(stdin);
    }
    JsonObject json = new JsonObject(out.toString());
    assertThat(json.getInteger("lines")).isEqualTo(2);
    assertThat(json.getJsonObject("status").getInteger("4xx")).isEqualTo(1);
  }

  @Test
  void aStdinSourceStoresWhatIsPipedInAndEndsWithIt() throws Exception {
    PipedOutputStream pipe = new PipedOutputStream();
    InputStream stdin = System.in;
    System.setIn(new PipedInputStream(pipe, 1 << 16));
    LivelogNode node;
    try {
      node = SshFixture.start(config("  - {id: piped, path: '-', format: numbered}\n"));
    } finally {
      System.setIn(stdin);
    }
    Map<String, JsonObject> status = SshFixture.statuses(node);
    try {
      for (int i = 1; i <= 300; i++) {
        pipe.write((i + " line " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
      pipe.close();
      SshFixture.await("300 piped lines stored", 20_000, () -> SshFixture.count(node) == 300);
      List<LogEvent> events = SshFixture.events(node);
      assertThat(events).extracting(e -> e.get("n")).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(1, 300).boxed().toList());
      SshFixture.await("the source ended with its input", 10_000,
          () -> status.containsKey("piped") && "ended".equals(status.get("piped").getString("state")));
    } finally {
      SshFixture.stop(node);
    }
  }

  @Test
  void aLocalCommandsOutputIsASource() throws Exception {
    Path script = dir.resolve("gen.sh");
    Files.writeString(script, "i=1; while [ $i -le 200 ]; do echo \"$i line $i\"; i=$((i+1)); done\n");
    LivelogNode node = SshFixture.start(config("  - {id: gen, command: 'sh " + script + "', format: numbered}\n"));
    try {
      SshFixture.await("200 lines stored", 20_000, () -> SshFixture.count(node) == 200);
      assertThat(SshFixture.events(node)).extracting(e -> e.get("text"))
          .contains("line 1", "line 200").doesNotHaveDuplicates();
    } finally {
      SshFixture.stop(node);
    }
  }

  @Test
  void theExampleConfigChecksAndWarnsAboutKeysMissingHere() throws Exception {
    Path example = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
        .resolve("livelog.yaml");
    if (!Files.exists(example)) {
      example = Path.of("..", "livelog.yaml");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Livelog.execute(new String[] {"check-config", example.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("OK: 2 hosts, 2 sources");
    Path missingKey = dir.resolve("nope_ed25519");
    Path config = dir.resolve("ssh.yaml");
    Files.writeString(config, "hosts:\n  web1: {hostname: web1.example.com, identity_file: '"
        + missingKey + "', passphrase_env: LIVELOG_TEST_UNSET_PASSPHRASE}\n"
        + "sources:\n  - {id: w, host: web1, path: /var/log/nginx/access.log, format: combined}\n");
    out = new StringWriter();
    code = Livelog.execute(new String[] {"check-config", config.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("warning: hosts.web1.identity_file: " + missingKey + " is not readable here")
        .contains("warning: hosts.web1: the environment variable LIVELOG_TEST_UNSET_PASSPHRASE is not set here");
  }
}
