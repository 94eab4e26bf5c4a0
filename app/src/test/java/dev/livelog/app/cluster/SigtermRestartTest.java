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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livelog run} gets SIGTERM in the middle of a stream (as Kubernetes stops a pod): it
 * exits 0 within 10 s; started again it resumes where it stopped: it reads only the lines the
 * first run had not stored (the store would hide a re-read from the start, so the read count
 * tells). Counting the store at the end: every line once, none lost, none twice.
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

    long storedByFirst = countStored();
    assertThat(storedByFirst).isPositive();
    Thread.sleep(1_000); // lines keep coming while livelog is down
    LivelogProcess second = LivelogProcess.start(dir, "second", config, "source,parser,analyzer,web", false);
    Thread.sleep(2_000);
    writing.set(false);
    writer.join();
    long unread = written.get() - storedByFirst;
    long deadline = System.currentTimeMillis() + 30_000;
    long readBySecond = -1;
    while (System.currentTimeMillis() < deadline) {
      String metrics = second.get("/metrics").body();
      readBySecond = linesRead(metrics);
      if (readBySecond >= unread
          && metrics.contains("livelog_source_batches_in_flight{source=\"web\"} 0.0")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(second.terminate(Duration.ofSeconds(15))).isZero();

    assertThat(written.get()).isGreaterThan(1_000);
    assertThat(readBySecond).as("the restart read from the checkpoint, not from the start")
        .isEqualTo(unread);
    assertThat(countStored()).as("stored events == lines written (none lost, none twice)")
        .isEqualTo(written.get());
  }

  private static long linesRead(String metrics) {
    Matcher m = Pattern.compile("(?m)^livelog_source_lines_read_total\\{source=\"web\"} (\\S+)$").matcher(metrics);
    assertThat(m.find()).as("lines read in /metrics:\n" + metrics).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  private long countStored() throws Exception {
    Vertx vertx = Vertx.vertx();
    DuckDbEventStore store = DuckDbEventStore.inDirectory(vertx, dir.resolve("data"));
    try {
      store.open().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return store.countEvents().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
