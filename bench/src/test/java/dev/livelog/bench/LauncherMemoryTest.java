package dev.livelog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./livelog analyze} as a user runs it, through the launcher (the app's jar is built by
 * the time this module's tests run): on a million combined lines its peak RSS, measured by GNU
 * time, stays at or under 256 MiB. With the JVM's default sizing it was about 600 MiB on a
 * machine of 24 GiB, whatever the analysis needed.
 */
class LauncherMemoryTest {
  private static final int LINES = 1_000_000;
  private static final long MAX_RSS_KIB = 256 * 1024;

  @TempDir Path dir;

  @Test
  void aMillionLineAnalyzePeaksUnderAQuarterGigabyte() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path log = dir.resolve("access.log");
    writeLog(log);
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    Path rss = dir.resolve("rss.txt");
    ProcessBuilder command = new ProcessBuilder(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
        root.resolve("livelog").toString(), "analyze", "--json", "--format", "combined", log.toString()))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    command.environment().remove("LIVELOG_JAVA_OPTS"); // the launcher's own choice is under test
    Process p = command.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(new JsonObject(Files.readString(out)).getLong("parsed")).isEqualTo(LINES);
    long peakKib = Long.parseLong(Files.readString(rss).strip());
    assertThat(peakKib).as("peak RSS in KiB").isLessThanOrEqualTo(MAX_RSS_KIB);
  }

  /** Combined lines of many clients and paths, statuses and sizes, as bench/gen-combined.awk makes. */
  private static void writeLog(Path log) throws Exception {
    Random random = new Random(42);
    String[] paths = {"/", "/index.html", "/blog/", "/api/v1/items", "/static/app.js", "/img/logo.png", "/search"};
    int[] statuses = {200, 200, 200, 200, 200, 200, 304, 404, 500};
    try (BufferedWriter w = Files.newBufferedWriter(log)) {
      for (int i = 0; i < LINES; i++) {
        int t = i / 50;
        w.write("10." + random.nextInt(4) + "." + random.nextInt(256) + "." + random.nextInt(256)
            + " - - [25/Nov/2025:" + two(t / 3600 % 24) + ":" + two(t / 60 % 60) + ":" + two(t % 60)
            + " +0000] \"GET " + paths[random.nextInt(paths.length)] + "?q=" + random.nextInt(1000)
            + " HTTP/1.1\" " + statuses[random.nextInt(statuses.length)] + " " + random.nextInt(50_000)
            + " \"https://www.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0\"\n");
      }
    }
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
