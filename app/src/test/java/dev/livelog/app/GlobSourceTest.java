package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.StoreKinds;
import dev.livelog.store.StoreOptions;
import dev.livelog.store.StoreVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path pattern ({@code <vhost>.access.log}) followed through the whole pipeline, locally and
 * on an SSH host (a real SSH server on loopback): files created, rotated and removed while
 * livelog runs and while it is stopped are each read once (counted from the store), the
 * capture becomes a field, {@code exclude} and rotated siblings are left out, and
 * {@code max_files} caps the files followed with a status that says so.
 */
class GlobSourceTest {
  @TempDir Path dir;
  private SshFixture ssh;
  private Path logs;

  @BeforeEach
  void start() throws Exception {
    ssh = new SshFixture(dir);
    logs = Files.createDirectories(dir.resolve("nginx"));
  }

  @AfterEach
  void stop() throws Exception {
    ssh.close();
  }

  private LivelogConfig config(String where, String extra) {
    String host = where.equals("ssh") ? "host: h1, " : "";
    return ssh.config("  - {id: web, " + host + "path: '" + logs + "/<vhost>.access.log',"
        + " format: numbered, from: start" + extra + "}\n", "");
  }

  private Path log(String vhost) {
    return logs.resolve(vhost + ".access.log");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "ssh"})
  void filesCreatedRotatedAndRemovedWhileRunningAndStoppedAreEachReadOnce(String where)
      throws Exception {
    SshFixture.appendLines(log("a"), 1, 100);
    SshFixture.appendLines(log("b"), 101, 200);
    SshFixture.appendLines(log("default"), 90001, 90010); // excluded
    LivelogConfig config = config(where, ", exclude: 'default.*'");
    LivelogNode node = SshFixture.start(config);
    try {
      SshFixture.await("a and b stored", 30_000, () -> SshFixture.count(node) == 200);
      SshFixture.appendLines(log("c"), 201, 300); // a new site
      SshFixture.await("the new file stored", 30_000, () -> SshFixture.count(node) == 300);
      SshFixture.appendLines(log("a"), 301, 350);
      Files.move(log("a"), logs.resolve("a.access.log.1")); // rotated: not followed twice
      SshFixture.appendLines(log("a"), 351, 400);
      SshFixture.await("a's rotation stored", 30_000, () -> SshFixture.count(node) == 400);
      SshFixture.appendLines(log("b"), 401, 450);
      Files.delete(log("b")); // a site removed: read to its end, then released
      SshFixture.await("b finished", 30_000, () -> SshFixture.count(node) == 450);
      SshFixture.await("b released", 30_000,
          () -> status(node).getInteger("filesFollowed") == 2);
    } finally {
      SshFixture.stop(node);
    }

    SshFixture.appendLines(log("c"), 451, 500); // while stopped: appended, rotated, compressed
    Files.move(log("c"), logs.resolve("c.access.log.1"));
    gzip(logs.resolve("c.access.log.1"));
    SshFixture.appendLines(log("d"), 501, 600); // created
    SshFixture.appendLines(log("a"), 601, 650); // appended

    LivelogNode again = SshFixture.start(config);
    try {
      SshFixture.await("every line stored", 60_000, () -> SshFixture.count(again) == 650);
      SshFixture.await("c released, d followed", 30_000,
          () -> status(again).getInteger("filesFollowed") == 2);
      Thread.sleep(500);
      List<LogEvent> events = SshFixture.events(again);
      assertThat(events.stream().map(e -> (Long) e.get("n")).sorted().toList())
          .as("each line once").isEqualTo(LongStream.rangeClosed(1, 650).boxed().toList());
      for (LogEvent e : events) {
        assertThat(e.get("vhost")).as("vhost of line " + e.get("n")).isEqualTo(vhost((Long) e.get("n")));
      }
      assertThat(status(again).getLong("linesSent")).as("read after the restart")
          .isEqualTo(200);
      assertThat(status(again).getLong("filesLost")).isZero();
    } finally {
      SshFixture.stop(again);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "ssh"})
  void maxFilesCapsTheFilesFollowedAndTheStatusSaysSo(String where) throws Exception {
    SshFixture.appendLines(log("a"), 1, 10);
    SshFixture.appendLines(log("b"), 11, 20);
    SshFixture.appendLines(log("c"), 21, 30);
    LivelogNode node = SshFixture.start(config(where, ", max_files: 2"));
    try {
      SshFixture.await("two files stored", 30_000, () -> SshFixture.count(node) == 20);
      SshFixture.await("the cap in the status", 10_000, () -> status(node).getBoolean("capped"));
      JsonObject status = status(node);
      assertThat(status.getInteger("filesFollowed")).isEqualTo(2);
      assertThat(status.getInteger("filesMatching")).isEqualTo(3);
      assertThat(status.getString("lastError"))
          .isEqualTo("max_files (2) reached: 1 more matching file is not followed");
      Thread.sleep(1_500);
      assertThat(SshFixture.count(node)).isEqualTo(20);
      Files.delete(log("a")); // room again: the third file is followed
      SshFixture.await("the third file stored", 30_000, () -> SshFixture.count(node) == 30);
      SshFixture.await("no longer capped", 10_000, () -> !status(node).getBoolean("capped"));
      assertThat(status(node).getString("lastError")).isNull();
      assertThat(status(node).getString("previousError")).startsWith("max_files (2) reached");
    } finally {
      SshFixture.stop(node);
    }
  }

  /**
   * A source node may start before any node answers for the store (in a cluster, or while the
   * store opens): the pattern's checkpoints are loaded once it answers, so a file rotated away
   * while livelog was stopped is still finished, and files created while it was stopped are
   * read whole, also for a pattern that matched nothing before it stopped.
   */
  @Test
  void aPatternStartedBeforeItsStoreAnswersFindsItsFilesAgain() throws Exception {
    Path quiet = Files.createDirectories(dir.resolve("quiet"));
    LivelogConfig config = ssh.config("  - {id: web, path: '" + logs + "/<vhost>.access.log',"
        + " format: numbered}\n  - {id: quiet, path: '" + quiet + "/<vhost>.access.log',"
        + " format: numbered}\n", ""); // from: end, the default
    LivelogNode node = SshFixture.start(config);
    try {
      SshFixture.await("both patterns listed", 10_000, () -> node.sourceStatuses().stream()
          .allMatch(s -> "streaming".equals(s.getString("state"))));
      SshFixture.appendLines(log("a"), 1, 100); // new since the pattern is followed: whole
      SshFixture.appendLines(log("b"), 101, 200);
      SshFixture.await("a and b stored", 30_000, () -> SshFixture.count(node) == 200);
    } finally {
      SshFixture.stop(node);
    }
    SshFixture.appendLines(log("b"), 201, 250); // while stopped: b rotated away, c created
    Files.move(log("b"), logs.resolve("b.access.log.1"));
    SshFixture.appendLines(log("c"), 251, 300);
    SshFixture.appendLines(quiet.resolve("x.access.log"), 301, 320);

    LivelogNode sources = LivelogNode.start(config, EnumSet.of(Role.SOURCE, Role.PARSER), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Vertx storeVertx = Vertx.vertx(); // the store outlives the node's Vert.x, closed first
    EventStore store = null;
    try {
      SshFixture.await("the patterns waiting for the store", 10_000, () -> sources
          .sourceStatuses().stream().allMatch(s -> "backing-off".equals(s.getString("state"))
              && s.getString("lastError").contains("checkpoints")));
      store = StoreKinds.open(storeVertx, config.storage())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      sources.vertx().deployVerticle(new StoreVerticle(store, StoreOptions.of(config.storage())))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      EventStore stored = store;
      SshFixture.await("every line stored", 60_000, () -> count(stored) == 320);
      Thread.sleep(500);
      List<Long> numbers = stored.events(Long.MIN_VALUE + 1, Long.MAX_VALUE, 1_000)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
          .map(e -> (Long) e.get("n")).sorted().toList();
      assertThat(numbers).as("each line once")
          .isEqualTo(LongStream.rangeClosed(1, 320).boxed().toList());
      SshFixture.await("streaming, the wait kept as the previous error", 10_000,
          () -> sources.sourceStatuses().stream().allMatch(s ->
              "streaming".equals(s.getString("state")) && s.getString("lastError") == null
                  && s.getString("previousError").contains("checkpoints")));
    } finally {
      SshFixture.stop(sources);
      if (store != null) {
        store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      storeVertx.close();
    }
  }

  private static long count(EventStore store) {
    try {
      return store.countEvents().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  private static JsonObject status(LivelogNode node) {
    return node.sourceStatuses().get(0);
  }

  private static String vhost(long n) {
    if (n <= 100 || (n > 300 && n <= 400) || n > 600) {
      return "a";
    }
    if (n <= 200 || (n > 400 && n <= 450)) {
      return "b";
    }
    return n <= 300 || n <= 500 ? "c" : "d";
  }

  private static void gzip(Path file) throws Exception {
    assertThat(new ProcessBuilder("gzip", file.toString()).inheritIO().start().waitFor()).isZero();
  }
}
