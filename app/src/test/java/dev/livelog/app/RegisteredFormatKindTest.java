package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.kinds.KeyValuesFormatKind;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A format kind registered only by the tests' {@code META-INF/services} ({@link
 * KeyValuesFormatKind}), with no other change: the config accepts it and checks its settings,
 * and the commands parse with it.
 */
class RegisteredFormatKindTest {
  @TempDir Path dir;

  private Path config(String format, Path log) throws Exception {
    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, """
        formats:
          kv: %s
        sources:
          - {id: app, path: %s, format: kv}
        """.formatted(format, log));
    return config;
  }

  private Path log() throws Exception {
    Path log = dir.resolve("app.log");
    Files.write(log, List.of("status=200 path=/a rt=0.1", "status=503 path=/b", "status=200 path=/a",
        "not a pair at all"));
    return log;
  }

  @Test
  void checkConfigAcceptsTheKindAndParsesTheSampleWithIt() throws Exception {
    Path config = config("{key_values: [status, path], types: {status: int}}", log());
    CliTest.Run r = CliTest.livelog("check-config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("source app (format kv): " + dir.resolve("app.log")
        + ": 3 of 4 lines parsed (75.0%)").contains("line 4: no key=value pair in the line");
  }

  @Test
  void theKindChecksItsOwnSettingsWithFieldAndReason() throws Exception {
    CliTest.Run r = CliTest.livelog("check-config", config("{key_values: status}", log()).toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("formats.kv.key_values: list the keys to take");
    CliTest.Run other = CliTest.livelog("check-config",
        config("{key_values: [status], separator: ',', delimiter: ';'}", log()).toString());
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("formats.kv.delimiter: not a key of a key_values format; its keys:"
        + " key_values, separator");
  }

  @Test
  void anUnknownKindListsTheRegisteredOnesTheTestKindIncluded() throws Exception {
    CliTest.Run r = CliTest.livelog("check-config", config("{keyvalues: [status]}", log()).toString());
    assertThat(r.code()).isEqualTo(2);
    String listed = r.err().substring(r.err().indexOf("use one of: ") + "use one of: ".length()).strip();
    assertThat(r.err()).contains("formats.kv.keyvalues: unknown format kind 'keyvalues'; use one of: ");
    assertThat(listed.split(", ")).containsExactlyInAnyOrder("regex", "nginx", "json", "builtin",
        "cri", "docker", "key_values"); // registration order follows the class path: tests' resources come first
  }

  @Test
  void analyzeParsesWithTheKind() throws Exception {
    Path log = log();
    Path config = config("{key_values: [status, path], types: {status: int}}", log);
    CliTest.Run r = CliTest.livelog("analyze", "--json", "-c", config.toString(), "-f", "kv",
        log.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonObject json = new JsonObject(r.out());
    assertThat(json.getLong("parsed")).isEqualTo(3);
    assertThat(json.getLong("failed")).isEqualTo(1);
    assertThat(json.getJsonObject("status").getMap()).containsEntry("2xx", 2).containsEntry("5xx", 1);
    assertThat(json.getJsonArray("top_paths").getJsonObject(0).getMap())
        .containsEntry("path", "/a").containsEntry("count", 2);
  }
}
