package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * livelog is stopped, lines are appended, the log is rotated (logrotate's ways: {@code .1},
 * a dated name, compressed at once, rotated twice) and a new file is written; on restart every
 * line is stored exactly once, counted from the store, and the next restart reads nothing
 * again. A file deleted while livelog was stopped is reported lost: warning, status, metric.
 * For local files and for files on an SSH host (a real SSH server on loopback).
 */
class RotationWhileStoppedTest {
  @TempDir Path dir;
  private SshFixture ssh;
  private Path log;

  @BeforeEach
  void start() throws Exception {
    ssh = new SshFixture(dir);
    Files.createDirectories(dir.resolve("nginx"));
    log = dir.resolve("nginx/access.log");
  }

  @AfterEach
  void stop() throws Exception {
    ssh.close();
  }

  private LivelogConfig config(String where) {
    String host = where.equals("ssh") ? "host: h1, " : "";
    return ssh.config("  - {id: web, " + host + "path: '" + log + "', format: numbered,"
        + " from: start}\n", "");
  }

  @ParameterizedTest(name = "{0}, rotated to {1}")
  @CsvSource({"local, .1", "local, -20261207", "local, .1.gz", "local, twice",
      "ssh, .1", "ssh, -20261207", "ssh, .1.gz", "ssh, twice"})
  void linesWrittenBeforeARotationWhileStoppedAreStoredOnce(String where, String rotation)
      throws Exception {
    // An older rotation, already read long ago: it must not be read again.
    Path older = dir.resolve("nginx/access.log.3.gz");
    Files.writeString(dir.resolve("nginx/access.log.3"), "90001 long ago\n");
    gzip(dir.resolve("nginx/access.log.3"));
    Files.setLastModifiedTime(older, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000));
    SshFixture.appendLines(log, 1, 200);
    LivelogConfig config = config(where);
    storeTheFirst200AndStop(config);

    SshFixture.appendLines(log, 201, 1200); // written while livelog is stopped, then rotated away
    int total;
    if (rotation.equals("twice")) {
      Files.move(log, dir.resolve("nginx/access.log.2"));
      gzip(dir.resolve("nginx/access.log.2"));
      Thread.sleep(50); // later rotations are later in time, as a day apart would be
      SshFixture.appendLines(log, 1201, 1500);
      Files.move(log, dir.resolve("nginx/access.log.1"));
      Thread.sleep(50);
      SshFixture.appendLines(log, 1501, 2000);
      total = 2000;
    } else {
      Path rotated = dir.resolve("nginx/access.log" + rotation.replace(".gz", ""));
      Files.move(log, rotated);
      if (rotation.endsWith(".gz")) {
        gzip(rotated); // logrotate's compress without delaycompress
      }
      Thread.sleep(50);
      SshFixture.appendLines(log, 1201, 1700);
      total = 1700;
    }

    LivelogNode again = SshFixture.start(config);
    try {
      SshFixture.await(total + " lines stored", 60_000, () -> SshFixture.count(again) == total);
      Thread.sleep(500);
      assertExactlyOnce(SshFixture.events(again), total);
      assertThat(again.sourceStatuses().get(0).getLong("filesLost")).isZero();
    } finally {
      SshFixture.stop(again);
    }

    LivelogNode third = SshFixture.start(config);
    try {
      SshFixture.await("streaming", 30_000, () -> third.sources().get(0).isStreaming());
      Thread.sleep(1_000);
      assertThat(third.sourceStatuses().get(0).getLong("linesSent"))
          .as("lines read again after the next restart").isZero();
      assertThat(SshFixture.count(third)).isEqualTo(total);
    } finally {
      SshFixture.stop(third);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"local", "ssh"})
  void aFileDeletedWhileStoppedIsReportedLost(String where) throws Exception {
    SshFixture.appendLines(log, 1, 200);
    long readTo = Files.size(log);
    LivelogConfig config = config(where);
    storeTheFirst200AndStop(config);
    SshFixture.appendLines(log, 201, 1200);
    Files.delete(log); // gone for good, with 1000 lines never read
    SshFixture.appendLines(log, 1201, 1700);

    LivelogNode again = SshFixture.start(config);
    try {
      SshFixture.await("the new file stored", 60_000, () -> SshFixture.count(again) == 700);
      JsonObject status = again.sourceStatuses().get(0);
      assertThat(status.getLong("filesLost")).isEqualTo(1);
      JsonObject lost = status.getJsonObject("lastLost");
      assertThat(lost.getString("file")).contains(log.toString());
      assertThat(lost.getLong("offset")).isEqualTo(readTo);
      assertThat(metrics(again.webPort()))
          .contains("livelog_source_files_lost_total{source=\"web\"} 1.0");
      List<LogEvent> events = SshFixture.events(again);
      assertThat(events.stream().map(e -> (Long) e.get("n")).sorted().toList())
          .isEqualTo(LongStream.concat(LongStream.rangeClosed(1, 200),
              LongStream.rangeClosed(1201, 1700)).boxed().toList());
    } finally {
      SshFixture.stop(again);
    }
  }

  private static void storeTheFirst200AndStop(LivelogConfig config) throws Exception {
    LivelogNode node = SshFixture.start(config);
    try {
      SshFixture.await("the first 200 lines stored", 30_000, () -> SshFixture.count(node) == 200);
    } finally {
      SshFixture.stop(node);
    }
  }

  private static String metrics(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Compresses as logrotate does: gzip replaces the file and keeps its modification time. */
  private static void gzip(Path file) throws Exception {
    Process gzip = new ProcessBuilder("gzip", file.toString()).inheritIO().start();
    assertThat(gzip.waitFor()).isZero();
  }

  private static void assertExactlyOnce(List<LogEvent> events, int n) {
    assertThat(events.stream().map(e -> (Long) e.get("n")).sorted().toList())
        .as("line numbers stored").isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
  }
}
