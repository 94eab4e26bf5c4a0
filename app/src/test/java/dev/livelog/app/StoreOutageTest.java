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
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB goes away for 10 s while lines are being written: the store retries, its bounded
 * queue fills, the source pauses (its in-flight window is full), nothing is dropped; when
 * MongoDB is back, every line is stored exactly once.
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

  @Test
  void aTenSecondOutageLosesAndDoublesNothing() throws Exception {
    // The H2 backend keeps the data in a file, so the server can stop and start like mongod.
    Path dataFile = dir.resolve("mongo.mv");
    mongo = new MongoServer(new H2Backend(dataFile.toString()));
    mongo.bind("127.0.0.1", 0);
    int port = mongo.getLocalAddress().getPort();
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: web, path: %s, format: combined, from: start}]
        periods: [{interval: 1s}]
        storage:
          data_dir: %s
          mongo: {uri: "mongodb://127.0.0.1:%d/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000", database: outage}
        web: {port: 0}
        pipeline: {batch_lines: 100, batch_delay: 50ms, in_flight: 4}
        """.formatted(log, dir.resolve("data"), port));
    ConfigCheck.validate(config);
    node = LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
    while (System.currentTimeMillis() - downAt < 10_000) {
      sawFailing |= node.isStoreFailing();
      Thread.sleep(100);
    }
    mongo = new MongoServer(new H2Backend(dataFile.toString()));
    mongo.bind("127.0.0.1", port);
    Thread.sleep(2_000);
    writing.set(false);
    writer.join();

    long deadline = System.currentTimeMillis() + 60_000;
    long stored = -1;
    while (System.currentTimeMillis() < deadline && stored != written.get()) {
      Thread.sleep(200);
      stored = node.store().countEvents().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertThat(sawFailing).as("the store reported failing while MongoDB was down").isTrue();
    assertThat(maxInFlight.get()).as("the source filled its in-flight window and paused").isEqualTo(4);
    assertThat(written.get()).isGreaterThan(5_000);
    assertThat(stored).as("stored events == lines written").isEqualTo(written.get());
    assertThat(node.isStoreFailing()).isFalse();
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
