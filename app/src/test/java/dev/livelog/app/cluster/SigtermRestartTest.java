package dev.livelog.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.store.duckdb.DuckDbEventStore;
import io.vertx.core.Vertx;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livelog run} gets SIGTERM in the middle of a stream (as Kubernetes stops a pod): it
 * exits 0 within 10 s; started again it resumes where it stopped. Counting the store at the
 * end: every line once, none lost, none twice.
 */
class SigtermRestartTest {
  @TempDir Path dir;

  @Test
  void sigtermMidStreamThenRestartLosesAndDoublesNothing() throws Exception {
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    String config = """
        sources: [{id: web, path: "%s", format: combined, from: start}]
        storage: {data_dir: "%s", retention: 3650d}
        pipeline: {batch_lines: 200}
        """.formatted(log, dir.resolve("data"));
    AtomicInteger written = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> write(log, written, writing));

    LivelogProcess first = LivelogProcess.start(dir, "first", config, "source,parser,analyzer,web", false);
    writer.start();
    Thread.sleep(3_000);
    long stopping = System.nanoTime();
    int code = first.terminate(Duration.ofSeconds(15));
    long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
    assertThat(code).as("exit code after SIGTERM:\n" + first.output()).isZero();
    assertThat(stopMillis).as("stopped within 10 s").isLessThan(10_000);
    assertThat(first.output()).contains("livelog: stopped");

    Thread.sleep(1_000); // lines keep coming while livelog is down
    LivelogProcess second = LivelogProcess.start(dir, "second", config, "source,parser,analyzer,web", false);
    Thread.sleep(2_000);
    writing.set(false);
    writer.join();
    long deadline = System.currentTimeMillis() + 30_000;
    String metrics = "";
    while (System.currentTimeMillis() < deadline) {
      metrics = second.get("/metrics").body();
      if (metrics.contains("livelog_source_bytes_behind{source=\"web\"} 0.0")
          && metrics.contains("livelog_source_batches_in_flight{source=\"web\"} 0.0")
          && Files.size(log) > 0) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(second.terminate(Duration.ofSeconds(15))).isZero();

    Vertx vertx = Vertx.vertx();
    DuckDbEventStore store = DuckDbEventStore.inDirectory(vertx, dir.resolve("data"));
    try {
      store.open().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      long stored = store.countEvents().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(written.get()).isGreaterThan(1_000);
      assertThat(stored).as("stored events == lines written (none lost, none twice)").isEqualTo(written.get());
    } finally {
      store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close();
    }
  }

  private static void write(Path log, AtomicInteger written, AtomicBoolean writing) {
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      while (writing.get()) {
        for (int i = 0; i < 25; i++) {
          int n = written.getAndIncrement();
          out.write("10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET /n/" + n + " HTTP/1.1\" 200 " + n
              + " \"-\" \"sigterm\"\n");
        }
        out.flush();
        Thread.sleep(50);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
