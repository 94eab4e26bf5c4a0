package dev.livelog.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livelog analyze} in its own JVM under {@code -Xmx256m} on a log whose paths and
 * clients are nearly all distinct (1.6M of each): with a map per distinct value it ran out of
 * memory after about 25 s; with bounded top lists it completes, exact where it must be and
 * with honest bounds on the top lists.
 */
class AnalyzeMemoryTest {
  private static final int LINES = 2_000_000;

  @TempDir Path dir;

  @Test
  void manyDistinctPathsAndClientsFitInAQuarterGigabyteHeap() throws Exception {
    Path log = dir.resolve("distinct.log");
    writeLog(log, LINES);
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    assertThat(analyze("-Xmx256m", log, out, err)).as(Files.readString(err)).isZero();

    JsonObject json = new JsonObject(Files.readString(out));
    // Counts, status classes and bytes stay exact.
    assertThat(json.getLong("parsed")).isEqualTo(LINES);
    assertThat(json.getJsonObject("status").getLong("2xx")).isEqualTo(LINES * 9L / 10);
    assertThat(json.getJsonObject("status").getLong("4xx")).isEqualTo(LINES / 10L);
    assertThat(json.getLong("bytes")).isEqualTo(LINES * 100L);
    // The top lists are bounded, and say so: each count at most max_error short.
    JsonObject paths = json.getJsonObject("top_accuracy").getJsonObject("paths");
    assertThat(paths.getBoolean("exact")).isFalse();
    long maxError = paths.getLong("max_error");
    assertThat(maxError).isPositive().isLessThan(LINES / 1000);
    JsonObject top = json.getJsonArray("top_paths").getJsonObject(0);
    assertThat(top.getString("path")).isEqualTo("/hot");
    assertThat(top.getLong("count")).isBetween(LINES / 10L - maxError, LINES / 10L);
    JsonObject second = json.getJsonArray("top_paths").getJsonObject(1);
    assertThat(second.getString("path")).isEqualTo("/warm");
    assertThat(second.getLong("count") + second.getLong("error")).isGreaterThanOrEqualTo(LINES / 20L);
    JsonObject client = json.getJsonArray("top_clients").getJsonObject(0);
    assertThat(client.getString("client")).isEqualTo("10.9.9.9");
    assertThat(json.getJsonObject("top_accuracy").getJsonObject("clients").getBoolean("exact")).isFalse();
  }

  @Test
  void aHeapTooSmallForTheInputIsSaidPlainly() throws Exception {
    Path log = dir.resolve("distinct.log");
    writeLog(log, 300_000);
    Path err = dir.resolve("err.txt");
    assertThat(analyze("-Xmx12m", log, dir.resolve("out.json"), err)).isEqualTo(1);
    assertThat(Files.readString(err).strip()).as("one line, no stack trace")
        .matches("livelog: out of memory in a heap of at most 1[0-2] MiB; give it more with LIVELOG_JAVA_OPTS=-Xmx1g .*")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  /** {@code livelog analyze --json} of {@code log} in a JVM of its own with {@code heap}; its exit code. */
  private static int analyze(String heap, Path log, Path out, Path err) throws Exception {
    Process p = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "dev.livelog.app.Livelog",
        "analyze", "--json", "--format", "combined", log.toString()))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return p.waitFor();
  }

  /**
   * Every tenth line asks for /hot from one client, every twentieth for /warm from another,
   * and the other lines each come from a client of their own for a path of their own.
   */
  private static void writeLog(Path log, int lines) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(log)) {
      for (int i = 0; i < lines; i++) {
        String client;
        String path;
        if (i % 10 == 0) {
          client = "10.9.9.9";
          path = "/hot";
        } else if (i % 20 == 5) {
          client = "10.9.9.8";
          path = "/warm";
        } else {
          client = "172." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
          path = "/item/" + i;
        }
        int status = i % 10 == 1 ? 404 : 200;
        w.write(client + " - - [25/Nov/2025:10:" + two(i / 60_000 % 60) + ":" + two(i / 1000 % 60)
            + " +0000] \"GET " + path + " HTTP/1.1\" " + status + " 100 \"-\" \"t\"\n");
      }
    }
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
