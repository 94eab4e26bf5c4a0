package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.source.FollowedSource;
import dev.livelog.source.ssh.FreezingProxy;
import dev.livelog.source.ssh.ServerProcesses;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote files followed over real SSH on loopback through the whole pipeline in one JVM, as
 * {@code livelog run} deploys it: lines arrive parsed, in order, at their byte offsets, and are
 * stored exactly once across an SSH server restart, a livelog restart, rotation and
 * truncation; latin-1 decodes; a 1 MiB line passes; 20 sources with a dead host; nothing is
 * left running on the server after stop.
 */
class SshPipelineTest {
  @TempDir Path dir;
  private SshFixture ssh;

  @BeforeEach
  void start() throws Exception {
    ssh = new SshFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    ssh.close();
  }

  private static String source(String id, Path log, String extra) {
    return "  - {id: " + id + ", host: h1, path: '" + log + "', format: numbered, from: start"
        + extra + "}\n";
  }

  /** Each of 1..n stored once, with its text, for the source. */
  private static void assertExactlyOnce(List<LogEvent> events, String source, int n) {
    List<Long> numbers = events.stream().filter(e -> e.source().equals(source))
        .map(e -> (Long) e.get("n")).sorted().toList();
    assertThat(numbers).as("line numbers stored for " + source).hasSize(n)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
    events.stream().filter(e -> e.source().equals(source))
        .forEach(e -> assertThat(e.get("text")).isEqualTo("line " + e.get("n")));
  }

  private static void assertNothingLeftOnTheServer(String... sourceIds) throws Exception {
    for (String id : sourceIds) {
      assertThat(ServerProcesses.aliveAfter(ServerProcesses.matching("livelog-tail " + id), 5_000))
          .as("processes of " + id + " left on the server").isEmpty();
    }
  }

  @Test
  void appendedLinesArriveParsedInOrderAtTheirOffsets() throws Exception {
    Path log = dir.resolve("app.log");
    SshFixture.appendLines(log, 1, 3);
    LivelogConfig config = ssh.config(source("web1", log, ""), "");
    LivelogNode node = SshFixture.start(config);
    try {
      SshFixture.appendLines(log, 4, 500);
      SshFixture.await("500 lines stored", 20_000, () -> SshFixture.count(node) == 500);
      FollowedSource verticle = node.sources().get(0);
      assertThat(verticle.isStreaming()).isTrue();
      assertThat(verticle.status().getString("host")).isEqualTo("h1");
      long size = Files.size(log);
      SshFixture.await("the checkpoint at the end of the file", 10_000,
          () -> verticle.status().getLong("committedOffset") == size);
      List<LogEvent> events = SshFixture.events(node);
      assertExactlyOnce(events, "web1", 500);
      long expectedOffset = 0;
      for (LogEvent e : events) {
        assertThat(e.offset()).as("offset of line " + e.get("n")).isEqualTo(expectedOffset);
        expectedOffset += ("" + e.get("n") + " line " + e.get("n") + "\n").length();
      }
      assertThat(events.stream().map(e -> (Long) e.get("n")).toList())
          .as("in file order").isSorted();
    } finally {
      SshFixture.stop(node);
    }
    assertNothingLeftOnTheServer("web1");
  }

  @Test
  void anSshServerRestartMidStreamStoresEveryLineExactlyOnce() throws Exception {
    Path log = dir.resolve("restart.log");
    Files.createFile(log);
    LivelogNode node = SshFixture.start(ssh.config(source("r1", log, ""), ""));
    Map<String, JsonObject> status = SshFixture.statuses(node);
    try {
      SshFixture.appendLines(log, 1, 2000);
      SshFixture.await("some lines stored", 20_000, () -> SshFixture.count(node) > 0);
      ssh.server.stop();
      SshFixture.appendLines(log, 2001, 3000);
      SshFixture.await("the source backing off", 10_000, () -> status.containsKey("r1")
          && "backing-off".equals(status.get("r1").getString("state")));
      assertThat(status.get("r1").getString("lastError")).contains("h1");
      Thread.sleep(1_000);
      ssh.server.start();
      SshFixture.appendLines(log, 3001, 4000);
      SshFixture.await("all 4000 lines stored", 40_000, () -> SshFixture.count(node) == 4000);
      SshFixture.await("streaming again", 5_000,
          () -> "streaming".equals(status.get("r1").getString("state")));
      Thread.sleep(300);
      assertExactlyOnce(SshFixture.events(node), "r1", 4000);
    } finally {
      SshFixture.stop(node);
    }
    assertNothingLeftOnTheServer("r1");
  }

  @Test
  void aFileRotatedWhileDisconnectedIsFinishedBeforeTheNewOne() throws Exception {
    Path log = dir.resolve("away.log");
    SshFixture.appendLines(log, 1, 500);
    LivelogNode node = SshFixture.start(ssh.config(source("away", log, ""), ""));
    try {
      SshFixture.await("the first lines stored", 20_000, () -> SshFixture.count(node) == 500);
      ssh.server.stop();
      SshFixture.appendLines(log, 501, 800); // still unread when the file is rotated away
      Files.move(log, dir.resolve("away.log.1"));
      SshFixture.appendLines(dir.resolve("away.log.1"), 801, 900);
      SshFixture.appendLines(log, 901, 1200);
      ssh.server.start();
      SshFixture.await("both files stored", 40_000, () -> SshFixture.count(node) == 1200);
      Thread.sleep(300);
      List<LogEvent> events = SshFixture.events(node);
      assertExactlyOnce(events, "away", 1200);
      assertThat(events.stream().filter(e -> (Long) e.get("n") == 901).findFirst().orElseThrow()
          .offset()).as("the new file starts at offset 0").isZero();
    } finally {
      SshFixture.stop(node);
    }
    assertNothingLeftOnTheServer("away");
  }

  @Test
  void aLivelogRestartResumesAtTheCheckpoint() throws Exception {
    Path log = dir.resolve("resume.log");
    Files.createFile(log);
    LivelogConfig config = ssh.config(source("r2", log, ""), "");
    LivelogNode node = SshFixture.start(config);
    Thread writer = new Thread(() -> {
      try {
        for (int i = 1; i <= 3000; i += 100) {
          SshFixture.appendLines(log, i, i + 99);
          Thread.sleep(20);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    SshFixture.await("some lines stored", 20_000, () -> SshFixture.count(node) > 0);
    long storedBeforeStop = SshFixture.count(node);
    SshFixture.stop(node); // mid-stream: the writer goes on
    writer.join();
    LivelogNode again = SshFixture.start(config);
    try {
      SshFixture.await("all 3000 lines stored", 30_000, () -> SshFixture.count(again) == 3000);
      Thread.sleep(500);
      assertExactlyOnce(SshFixture.events(again), "r2", 3000);
      // The store would hide a re-read from the start; the lines the new node sent do not.
      long sentAgain = again.sourceStatuses().get(0).getLong("linesSent");
      assertThat(sentAgain).as("lines read after the restart").isLessThanOrEqualTo(3000 - storedBeforeStop);
    } finally {
      SshFixture.stop(again);
    }
    assertNothingLeftOnTheServer("r2");
  }

  @Test
  void rotationAndTruncationWhileStreamingLoseAndRepeatNothing() throws Exception {
    Path log = dir.resolve("rot.log");
    SshFixture.appendLines(log, 1, 100);
    LivelogNode node = SshFixture.start(ssh.config(source("rot", log, ""), ""));
    try {
      SshFixture.await("first file stored", 20_000, () -> SshFixture.count(node) == 100);
      // Rename and create, while the writer still appends to the old file for a moment.
      Path rotated = dir.resolve("rot.log.1");
      Files.move(log, rotated);
      SshFixture.appendLines(rotated, 101, 150);
      SshFixture.appendLines(log, 151, 300);
      SshFixture.await("old file finished, new one read", 20_000,
          () -> SshFixture.count(node) == 300);
      // copytruncate: the new file is emptied, then written again (shorter than before).
      Files.writeString(log, "");
      Thread.sleep(300);
      SshFixture.appendLines(log, 301, 350);
      SshFixture.await("lines after the truncation stored", 20_000,
          () -> SshFixture.count(node) == 350);
      Thread.sleep(300);
      assertExactlyOnce(SshFixture.events(node), "rot", 350);
    } finally {
      SshFixture.stop(node);
    }
    assertNothingLeftOnTheServer("rot");
  }

  @Test
  void latin1DecodesAsConfiguredAndAOneMebibyteLineDoesNotBreakTheStream() throws Exception {
    Path log = dir.resolve("latin.log");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("1 caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1));
    bytes.write("2 ".getBytes(StandardCharsets.ISO_8859_1));
    bytes.write("x".repeat(1 << 20).getBytes(StandardCharsets.ISO_8859_1));
    bytes.write('\n');
    bytes.write("3 \u00fcber\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(log, bytes.toByteArray());
    LivelogNode node = SshFixture.start(ssh.config(source("latin", log, ", encoding: latin-1"), ""));
    try {
      // The 1 MiB line is cut at max_line_length (64 KiB) and kept as a dead letter (its fields
      // would be incomplete); the stream goes on, offsets exact.
      SshFixture.await("2 lines stored", 20_000, () -> SshFixture.count(node) == 2);
      List<LogEvent> events = SshFixture.events(node);
      assertThat(events.get(0).get("text")).isEqualTo("caf\u00e9 cr\u00e8me");
      assertThat(events.get(1).get("text")).isEqualTo("\u00fcber");
      assertThat(events.get(1).offset()).as("after 13 + 2 + 1 MiB + 1 bytes").isEqualTo(13 + 2 + (1 << 20) + 1);
      SshFixture.await("the cut line kept as a dead letter", 10_000, () -> node.store().deadLetters(10)
          .toCompletionStage().toCompletableFuture().join().stream()
          .anyMatch(d -> d.offset() == 13 && d.reason().contains("cut") && d.line().startsWith("2 xxx")));
    } finally {
      SshFixture.stop(node);
    }
  }

  @Test
  void twentySourcesStreamWhileOneHostIsDead() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort(); // closed again: nothing listens there
    }
    StringBuilder sources = new StringBuilder();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      Path log = dir.resolve("many-" + i + ".log");
      Files.createFile(log);
      logs.add(log);
      sources.append(source("m" + i, log, ""));
    }
    sources.append("  - {id: dead, host: h2, path: /var/log/x.log, format: numbered}\n");
    String deadHost = "  h2: {hostname: 127.0.0.1, port: " + deadPort + ", user: tester,"
        + " identity_file: '" + ssh.identity + "', known_hosts: '" + ssh.knownHosts + "',"
        + " connect_timeout: 2s}\n";
    LivelogNode node = SshFixture.start(ssh.config(sources.toString(), deadHost));
    Map<String, JsonObject> status = SshFixture.statuses(node);
    try {
      for (int round = 0; round < 5; round++) {
        for (Path log : logs) {
          SshFixture.appendLines(log, round * 100 + 1, round * 100 + 100);
        }
        Thread.sleep(100);
      }
      SshFixture.await("19 x 500 lines stored", 60_000, () -> SshFixture.count(node) == 19 * 500);
      List<LogEvent> events = SshFixture.events(node);
      for (int i = 0; i < 19; i++) {
        assertExactlyOnce(events, "m" + i, 500);
      }
      // On a loaded machine an attempt may first fail on the checkpoint read (the store is
      // slow to answer); the connection's own failure follows at the next attempt.
      SshFixture.await("the dead host's status naming its connection failure", 30_000, () ->
          status.containsKey("dead")
              && String.valueOf(status.get("dead").getString("lastError")).contains("cannot connect"));
      JsonObject dead = status.get("dead");
      assertThat(dead.getString("state")).isIn("backing-off", "connecting");
      assertThat(dead.getString("lastError")).contains("h2").contains("cannot connect");
      SshFixture.await("every live source's status", 10_000, () -> status.size() == 20);
      assertThat(status.values().stream().filter(s -> !s.getString("id").equals("dead"))
          .map(s -> s.getString("state")).collect(Collectors.toSet())).containsOnly("streaming");
    } finally {
      SshFixture.stop(node);
    }
    for (int i = 0; i < 19; i++) {
      assertNothingLeftOnTheServer("m" + i);
    }
  }

  @Test
  void fiftyHungHostsDoNotDelayOtherSources() throws Exception {
    try (FreezingProxy hung = new FreezingProxy(ssh.server.port())) {
      hung.freeze(); // accepts connections, never answers: each handshake waits 10 s
      StringBuilder sources = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        sources.append("  - {id: hung").append(i).append(", host: h2, path: /var/log/x.log,"
            + " format: numbered}\n");
      }
      Path local = dir.resolve("local.log");
      SshFixture.appendLines(local, 1, 100);
      sources.append("  - {id: local, path: '").append(local).append("', format: numbered,"
          + " from: start}\n");
      Path remote = dir.resolve("remote.log");
      SshFixture.appendLines(remote, 1, 100);
      sources.append(source("remote", remote, ""));
      String hungHost = "  h2: {hostname: 127.0.0.1, port: " + hung.port() + ", user: tester,"
          + " identity_file: '" + ssh.identity + "', known_hosts: '" + ssh.knownHosts + "',"
          + " connect_timeout: 10s}\n";
      long started = System.currentTimeMillis();
      LivelogNode node = SshFixture.start(ssh.config(sources.toString(), hungHost));
      try {
        SshFixture.await("the local file and the live SSH host stored", 20_000,
            () -> SshFixture.count(node) == 200);
        assertThat(System.currentTimeMillis() - started)
            .as("not queued behind 50 handshakes waiting 10 s each").isLessThan(8_000);
        List<LogEvent> events = SshFixture.events(node);
        assertExactlyOnce(events, "local", 100);
        assertExactlyOnce(events, "remote", 100);
      } finally {
        long stopping = System.currentTimeMillis();
        SshFixture.stop(node);
        assertThat(System.currentTimeMillis() - stopping).as("stop does not wait for handshakes")
            .isLessThan(15_000);
      }
    }
  }
}
