package dev.livelog.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * livelog as separate JVM processes on one clustered event bus (Hazelcast, TCP on loopback),
 * with MongoDB as the shared store: lines cross the cluster to the browser bridge, a dead
 * parser or analyzer loses nothing and counts nothing twice.
 */
class ClusterProcessesTest {
  @TempDir Path dir;

  @Test
  void threeJvmsCarryLinesFromAFileToTheBrowserBridge() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir)) {
      LivelogProcess analyzer = cluster.start("analyzer-web", "analyzer,web");
      cluster.start("parser", "parser");
      cluster.start("source", "source");
      List<Datapoint> seen = bridge(analyzer.port());
      cluster.startWriting(200);
      Thread.sleep(3_000);
      int lines = cluster.stopWriting();
      assertThat(cluster.awaitStored(lines, 30_000)).as("stored events == lines written").isEqualTo(lines);
      assertThat(awaitCount(seen, lines)).as("a datapoint through the bridge counting every line once")
          .isEqualTo(lines);
    }
  }

  @Test
  void killingOneOfTwoParsersLosesNothing() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir)) {
      cluster.start("analyzer", "analyzer");
      LivelogProcess parserA = cluster.start("parser-a", "parser");
      cluster.start("parser-b", "parser");
      cluster.start("source", "source");
      cluster.startWriting(1_000);
      Thread.sleep(3_000);
      parserA.kill();
      Thread.sleep(4_000);
      int lines = cluster.stopWriting();
      assertThat(cluster.awaitStored(lines, 60_000)).as("stored events == lines written").isEqualTo(lines);
    }
  }

  @Test
  void theStandbyAnalyzerTakesOverWithinSecondsWithoutDoubleCounting() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir)) {
      LivelogProcess active = cluster.start("analyzer-a", "analyzer");
      LivelogProcess web = cluster.start("source-parser-web", "source,parser,web");
      List<Datapoint> seen = bridge(web.port());
      cluster.startWriting(200);
      Thread.sleep(3_000);
      assertThat(seen).as("the first analyzer publishes").isNotEmpty();
      cluster.start("analyzer-b", "analyzer");
      Thread.sleep(3_000);
      long killedAt = System.currentTimeMillis();
      active.kill();
      Thread.sleep(10_000);
      int lines = cluster.stopWriting();

      Map<Long, Long> perTick = seen.stream()
          .collect(Collectors.groupingBy(Datapoint::time, Collectors.counting()));
      assertThat(perTick.values()).as("one datapoint per tick").allMatch(n -> n == 1);
      List<Long> after = seen.stream().map(Datapoint::time).filter(t -> t > killedAt).sorted().toList();
      assertThat(after).as("ticks published after the active analyzer died").isNotEmpty();
      assertThat(after.get(0) - killedAt).as("takeover time").isLessThan(8_000);
      assertThat(seen).as("no window ever counts more lines than were written")
          .allMatch(p -> p.events() <= lines);
      assertThat(cluster.awaitStored(lines, 30_000)).isEqualTo(lines);
      assertThat(awaitCount(seen, lines)).as("the standby's window counts every line once").isEqualTo(lines);
    }
  }

  /** The latest count, once it reaches {@code lines} or after 15 s. */
  private static long awaitCount(List<Datapoint> seen, long lines) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      if (!seen.isEmpty() && seen.get(seen.size() - 1).events() == lines) {
        return lines;
      }
      Thread.sleep(100);
    }
    return seen.isEmpty() ? -1 : seen.get(seen.size() - 1).events();
  }

  /** Subscribes to the lines group's 1 s datapoints through a web process's SockJS bridge, as a browser does. */
  private static List<Datapoint> bridge(int port) throws Exception {
    List<Datapoint> seen = new CopyOnWriteArrayList<>();
    Vertx vertx = Vertx.vertx();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/eventbus/websocket")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ws.handler(buffer -> {
      JsonObject frame = new JsonObject(buffer.toString());
      // The lines group's only: the fixture's other groups tick at the same times.
      if ("rec".equals(frame.getString("type")) && "lines".equals(frame.getJsonObject("body").getString("group"))) {
        seen.add(Datapoint.fromJson(frame.getJsonObject("body")));
      }
    });
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "livelog.analytics.1s").encode());
    vertx.setPeriodic(5_000, id -> ws.writeTextMessage("{\"type\":\"ping\"}"));
    HOLD.add(client);
    return seen;
  }

  /** Vert.x closes a client nothing refers to: the tests keep theirs here. */
  private static final List<Object> HOLD = new CopyOnWriteArrayList<>();

}
