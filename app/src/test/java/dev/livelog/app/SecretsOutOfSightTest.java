package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.cluster.LivelogProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential that reaches a command source (written in its command, or expanded from the
 * environment) and a URI with credentials in what the command says stay out of sight: the
 * status API and the bridge show the source's id and its command redacted, and neither they
 * nor the process's log show a URI's password.
 */
class SecretsOutOfSightTest {
  private static final String SECRET = "hunter2-s3cret";

  @TempDir Path dir;

  @Test
  void aCommandSourcesCredentialsAreNotInItsStatusNorInTheLog() throws Exception {
    String config = """
        sources:
          - id: fetch
            command: "echo \\"fetching https://ops:${LL_SECRET}@127.0.0.1:9/logs\\" >&2; exit 3"
            format: combined
        storage: {data_dir: '%s'}
        """.formatted(dir.resolve("data"));
    try (LivelogProcess livelog = LivelogProcess.launch(dir, "secrets", config,
        "source,parser,analyzer,web", false, Map.of("LL_SECRET", SECRET))) {
      livelog.awaitOutput("source fetch:", Duration.ofSeconds(60));
      JsonObject status = awaitError(livelog);
      assertThat(status.getString("path")).isEqualTo("echo …");
      assertThat(status.getString("lastError")).contains("https://ops:***@127.0.0.1:9/logs");
      assertThat(status.encode()).doesNotContain(SECRET);
      assertThat(livelog.output()).contains("ops:***@127.0.0.1").doesNotContain(SECRET);
    }
  }

  /** The source's status once it reported the command's failure. */
  private static JsonObject awaitError(LivelogProcess livelog) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject source = null;
    while (System.nanoTime() < deadline) {
      JsonArray sources = new JsonObject(livelog.get("/api/sources").body()).getJsonArray("sources");
      source = sources.isEmpty() ? null : sources.getJsonObject(0);
      if (source != null && source.getString("lastError") != null) {
        return source;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no error reported by the source: " + source);
  }
}
