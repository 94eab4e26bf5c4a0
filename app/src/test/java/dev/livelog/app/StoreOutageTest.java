package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB goes away for 10 s while lines are being written: the store retries, its bounded
 * queue fills, the source pauses (its in-flight window is full), nothing is dropped; when
 * MongoDB is back, every line is stored exactly once. And a stop while MongoDB is away still
 * ends within the 10 s a SIGTERM allows, and the next start stores what was left.
 */
class StoreOutageTest {
  @TempDir Path dir;
  private MongoServer mongo;
  private LivelogNode node;

  @AfterEach
  void tearDown() throws Exception {
    if (node != null) {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    mongo.shutdownNow();
  }

  /** Starts the MongoDB wire-protocol server on {@code port} (0: any free one), data in a file. */
  private int startMongo(int port) {
    // The H2 backend keeps the data in a file, so the server can stop and start like mongod.
    mongo = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
    mongo.bind("127.0.0.1", port);
    return mongo.getLocalAddress().getPort();
  }

  /** A node storing in MongoDB on {@code port}, following one file source per log. */
  private LivelogNode startNode(int port, List<Path> logs) throws Exception {
    String sources = logs.stream().map(log -> "{id: %s, path: %s, format: combined, from: start}"
        .formatted(log.getFileName().toString().replace(".log", ""), log)).collect(Collectors.joining(", "));
    LivelogConfig config = ConfigLoader.parse("""
        sources: [%s]
        periods: [{interval: 1s}]
        storage:
          data_dir: %s
          mongo: {uri: "mongodb://127.0.0.1:%d/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000", database: outage}
        web: {port: 0}
        pipeline: {batch_lines: 100, batch_delay: 50ms, in_flight: 4}
        """.formatted(sources, dir.resolve("data"), port));
    ConfigCheck.validate(config);
    return LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private long storedEvents() throws Exception {
    return node.store().countEvents().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aTenSecondOutageLosesAndDoublesNothing() throws Exception {
    int port = startMongo(0);
    Path log = Files.createFile(dir.resolve("access.log"));
    node = startNode(port, List.of(log));
    AtomicInteger maxInFlight = new AtomicInteger();
    node.vertx().eventBus().<JsonObject>consumer(Addresses.SOURCE_STATUS,
        m -> maxInFlight.accumulateAndGet(m.body().getInteger("inFlight", 0), Math::max));

    AtomicInteger written = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> write(log, written, writing));
    writer.start();
    Thread.sleep(2_000);

    mongo.shutdownNow();
    long downAt = System.currentTimeMillis();
    boolean sawFailing = false;
    boolean sawUnready = false;
    while (System.currentTimeMillis() - downAt < 10_000) {
      sawFailing |= node.isStoreFailing();
      sawUnready |= readiness().statusCode() == 503 && readiness().body().contains("\"store\"");
      Thread.sleep(200);
    }
    startMongo(port);
    Thread.sleep(2_000);
    writing.set(false);
    writer.join();

    long deadline = System.currentTimeMillis() + 60_000;
    long stored = -1;
    while (System.currentTimeMillis() < deadline && stored != written.get()) {
      Thread.sleep(200);
      stored = storedEvents();
    }
    assertThat(sawFailing).as("the store reported failing while MongoDB was down").isTrue();
    assertThat(sawUnready).as("/health/ready said 503 and why while MongoDB was down").isTrue();
    assertThat(readiness().statusCode()).as("ready again").isEqualTo(200);
    assertThat(maxInFlight.get()).as("the source filled its in-flight window and paused").isEqualTo(4);
    assertThat(written.get()).isGreaterThan(5_000);
    assertThat(stored).as("stored events == lines written").isEqualTo(written.get());
    assertThat(node.isStoreFailing()).isFalse();
  }

  @Test
  void aStopWhileMongoDbIsDownEndsInTimeAndTheNextStartStoresTheRest() throws Exception {
    int port = startMongo(0);
    List<Path> logs = new ArrayList<>();
    for (String name : List.of("a.log", "b.log", "c.log")) {
      logs.add(Files.createFile(dir.resolve(name)));
    }
    node = startNode(port, logs);
    AtomicInteger written = new AtomicInteger();
    logs.forEach(log -> append(log, 1_000, written));
    long deadline = System.currentTimeMillis() + 30_000;
    while (storedEvents() < written.get() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }

    mongo.shutdownNow();
    logs.forEach(log -> append(log, 2_000, written));
    Thread.sleep(1_000); // the sources read on and fill their in-flight windows
    long stopping = System.currentTimeMillis();
    node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    long tookMillis = System.currentTimeMillis() - stopping;
    node = null;
    assertThat(tookMillis).as("three sources waiting for an unreachable store stop within 10 s")
        .isLessThan(10_000);

    startMongo(port);
    node = startNode(port, logs);
    deadline = System.currentTimeMillis() + 60_000;
    long stored = -1;
    while (System.currentTimeMillis() < deadline && stored != written.get()) {
      Thread.sleep(200);
      stored = storedEvents();
    }
    assertThat(stored).as("stored events == lines written, after the restart").isEqualTo(written.get());
  }

  private static void append(Path log, int lines, AtomicInteger written) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int n = written.getAndIncrement();
      text.append("10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET /item/").append(n)
          .append(" HTTP/1.1\" 200 ").append(n).append(" \"-\" \"test\"\n");
    }
    try {
      Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private java.net.http.HttpResponse<String> readiness() {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + node.webPort() + "/health/ready")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** About 1000 combined lines a second, flushed in small groups, until told to stop. */
  private static void write(Path log, AtomicInteger written, AtomicBoolean writing) {
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      while (writing.get()) {
        for (int i = 0; i < 50; i++) {
          int n = written.get();
          out.write("10.0.0." + (n % 200) + " - - [25/Nov/2026:10:00:00 +0000] \"GET /item/" + n
              + " HTTP/1.1\" 200 " + n + " \"-\" \"test\"\n");
          written.incrementAndGet();
        }
        out.flush();
        Thread.sleep(50);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
