package dev.livelog.app;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.source.SourceKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source kind registered by the tests alone ({@link GeneratedLinesKind}, one line in the test
 * resources' {@code META-INF/services}): the config check accepts it (told from its key, or
 * named by {@code kind}), checks its key, lists it among the kinds, and a node reads it: its
 * lines are parsed and stored like any other source's.
 */
class TestOnlySourceKindTest {
  @TempDir Path dir;

  private LivelogConfig load(String sources) throws Exception {
    Path file = dir.resolve("livelog.yaml");
    Files.writeString(file, "sources:\n" + sources
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {host: 127.0.0.1, port: 0}\n");
    return ConfigCheck.load(file);
  }

  @Test
  void theConfigCheckAcceptsTheKindAndChecksItsKeys() throws Exception {
    assertThat(SourceKinds.names()).contains("file", "ssh", "command", "stdin", "generated");
    assertThat(SourceKinds.of(load("  - {id: g, generated: 5, format: combined}\n").sources().get(0)))
        .isInstanceOf(GeneratedLinesKind.class);
    assertThat(SourceKinds.of(load("  - {id: g, kind: generated, generated: 5, format: combined}\n")
        .sources().get(0))).isInstanceOf(GeneratedLinesKind.class);
    assertThatThrownBy(() -> load("  - {id: g, generated: many, format: combined}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("sources[0].generated: a number of lines, at least 1, got 'many'");
    assertThatThrownBy(() -> load("  - {id: g, kind: generatd, generated: 5, format: combined}\n"))
        .hasMessageContaining("sources[0].kind: unknown source kind 'generatd'; use one of:")
        .hasMessageContaining("generated");
  }

  @Test
  void aNodeReadsItsLinesAndStoresTheirEvents() throws Exception {
    LivelogConfig config = load("  - {id: g, generated: 300, format: combined, from: start}\n");
    LivelogNode node = result(LivelogNode.start(config,
        EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false));
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while (result(node.store().countEvents()) < 300 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(result(node.store().countEvents())).isEqualTo(300L);
      assertThat(node.sourceStatuses().get(0).getString("path")).isEqualTo("generated");
      assertThat(node.sourceStatuses().get(0).getLong("linesSent")).isEqualTo(300L);
    } finally {
      result(node.stop());
    }
  }
}
