package dev.livelog.store.duckdb;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.store.EventStore;
import dev.livelog.store.EventStoreContractTest;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.QueryRefused;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventStoreTest extends EventStoreContractTest {
  @TempDir
  Path dataDir;

  @Override
  protected EventStore newStore(Vertx vertx) {
    return DuckDbEventStore.inDirectory(vertx, dataDir);
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));
    result(store.saveDatapoints(List.of(
        new Datapoint("5s", "status", T0, 10, Map.of("2xx", 100.0)))));
    result(store.saveCheckpoint(new Checkpoint("nginx", "inode-1", 1000, T0)));
    result(store.close());

    store = DuckDbEventStore.inDirectory(vertx, dataDir);
    result(store.open());

    assertThat(result(store.countEvents())).isEqualTo(10L);
    assertThat(result(store.events(T0, T0 + 3_000, 10))).hasSize(3);
    assertThat(result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))))).isZero();
    assertThat(result(store.datapoints("5s", T0, T0 + 1))).containsExactly(
        new Datapoint("5s", "status", T0, 10, Map.of("2xx", 100.0)));
    assertThat(result(store.checkpoint("nginx")))
        .isEqualTo(new Checkpoint("nginx", "inode-1", 1000, T0));
  }

  /**
   * A store written before lines were kept: its field columns come right after the fixed ones
   * and no line column exists. Made here from a current store by taking the line column out.
   */
  private void takeOutTheLineColumn() throws Exception {
    result(store.close());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
        "jdbc:duckdb:" + dataDir.resolve(DuckDbEventStore.FILE_NAME).toAbsolutePath());
        java.sql.Statement s = c.createStatement()) {
      s.execute("ALTER TABLE events DROP COLUMN line");
      s.execute("CREATE TEMP TABLE kept AS SELECT row_number() OVER (ORDER BY position) - 1 AS position,"
          + " field, kind, name FROM event_columns WHERE kind <> 'LINE'");
      s.execute("DELETE FROM event_columns");
      s.execute("INSERT INTO event_columns SELECT * FROM kept");
    }
  }

  @Test
  void aStoreFromBeforeLinesWereKeptGetsTheColumnAndKeepsItsRows() throws Exception {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));
    takeOutTheLineColumn();

    store = DuckDbEventStore.inDirectory(vertx, dataDir);
    result(store.open());
    result(store.append(List.of(batch("nginx", "inode-1", 1000, 10, T0))));

    List<dev.livelog.common.event.LogEvent> warm = result(store.events(T0, T0 + 60_000, 100));
    assertThat(warm).hasSize(20);
    List<dev.livelog.common.event.LogEvent> written = batch("nginx", "inode-1", 0, 20, T0).events();
    for (int i = 0; i < 20; i++) {
      assertThat(warm.get(i).fields()).as("event %d", i).isEqualTo(written.get(i).fields());
    }
    dev.livelog.store.query.EventsPage page = result(store.eventsPage(
        new dev.livelog.store.query.EventsQuery(T0, T0 + 60_000, List.of(), 200, null),
        Deadline.after(Duration.ofSeconds(10))));
    assertThat(page.total()).isEqualTo(20);
    assertThat(page.events()).extracting(p -> p.event().line()).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 20).map(i -> 19 - i)
            .mapToObj(i -> i >= 10 ? written.get(i).line() : null).toList());
  }

  @Test
  void afterACrashReplayedBatchesAreStillRecognisedFromTheRows() throws Exception {
    result(store.close());
    Path crashed = dataDir.resolve("crashed");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        AppendThenDie.class.getName(), crashed.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      assertThat(out.readLine()).isEqualTo("appended");
    }
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(9); // halted, not closed

    store = DuckDbEventStore.inDirectory(vertx, crashed);
    result(store.open());
    assertThat(result(store.countEvents())).isEqualTo(50L);
    for (int b = 0; b < 5; b++) {
      assertThat(result(store.append(List.of(batch("nginx", "inode-1", b * 1000L, 10, T0)))))
          .as("batch %d sent again after the crash", b).isZero();
    }
    assertThat(result(store.append(List.of(batch("nginx", "inode-1", 5000L, 10, T0))))).isEqualTo(10);
    assertThat(result(store.countEvents())).isEqualTo(60L);
  }

  @Test
  void aSecondOpenOfTheSameFileFailsNamingTheFile() {
    EventStore second = DuckDbEventStore.inDirectory(vertx, dataDir);

    Throwable failed = failure(second.open());

    assertThat(failed).hasMessageContaining(dataDir.resolve("livelog.duckdb").toString())
        .hasMessageContaining("already open");
    assertThat(result(store.countEvents())).isZero(); // the first store is unaffected
    assertThat(failure(second.countEvents())).hasMessageContaining("closed");
  }

  @Test
  void aFileHeldByAnotherProcessFailsOpenNamingTheFile() throws Exception {
    Path elsewhere = dataDir.resolve("other");
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        HoldDataFile.class.getName(), elsewhere.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
      assertThat(out.readLine()).isEqualTo("open");
      EventStore second = DuckDbEventStore.inDirectory(vertx, elsewhere);

      Throwable failed = failure(second.open());

      assertThat(failed).hasMessageContaining(elsewhere.resolve("livelog.duckdb").toString())
          .hasMessageContaining("in use by another process");
    } finally {
      other.getOutputStream().close();
      if (!other.waitFor(20, TimeUnit.SECONDS)) {
        other.destroyForcibly();
      }
    }
  }

  /** A statement that runs for minutes unless cancelled. */
  private static final String ENDLESS = "SELECT count(*) FROM range(1000000000000) r WHERE r.range % 7 = 3";

  private Future<Long> endlessQuery(Deadline deadline) {
    DuckDbReader reader = ((DuckDbEventStore) store).reader();
    return reader.submit(deadline, () -> {
      try (PreparedStatement s = reader.prepare(ENDLESS); ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    });
  }

  @Test
  void aQueryIsCancelledAtItsDeadline() {
    long started = System.nanoTime();

    Throwable failed = failure(endlessQuery(Deadline.after(Duration.ofMillis(300))));

    assertThat(failed).isInstanceOf(QueryRefused.class).hasMessageContaining("300ms deadline");
    assertThat(((QueryRefused) failed).status()).isEqualTo(504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    // The reader is free again at once: the statement was cancelled, not left running.
    assertThat(result(store.aggregate(new AggregateQuery(T0, T0 + 1_000, 1_000, List.of(), null, null, false, 0, false),
        Deadline.after(Duration.ofSeconds(5))))).isEmpty();
  }

  @Test
  void aQueryWhoseDeadlinePassedWhileQueuedNeverStarts() {
    Future<Long> running = endlessQuery(Deadline.after(Duration.ofMillis(500)));
    Future<List<BucketStats>> queued = store.aggregate(
        new AggregateQuery(T0, T0 + 1_000, 1_000, List.of(), null, null, false, 0, false),
        Deadline.after(Duration.ofMillis(100)));

    assertThat(failure(queued)).isInstanceOf(QueryRefused.class).hasMessageContaining("100ms deadline");
    assertThat(failure(running)).isInstanceOf(QueryRefused.class);
  }

  @Test
  void appendsAndCheckpointReadsDoNotWaitBehindAQuery() {
    Future<Long> query = endlessQuery(Deadline.after(Duration.ofSeconds(30)));
    try {
      for (int b = 0; b < 20; b++) {
        result(store.append(List.of(batch("nginx", "inode-1", b * 1_000L, 10, T0))));
        result(store.saveCheckpoint(new Checkpoint("nginx", "inode-1", (b + 1) * 1_000L, T0)));
        result(store.checkpoint("nginx")); // what the readiness probe reads
      }
      assertThat(query.isComplete()).as("the query is still running").isFalse();
      assertThat(result(store.countEvents())).isEqualTo(200L);
    } finally {
      result(store.close()); // cancels the query rather than waiting for it
    }
    assertThat(failure(query)).isNotNull();
  }

  @Test
  void closedStoreRejectsWorkAndClosesOnlyOnce() {
    result(store.close());

    assertThat(failure(store.countEvents())).hasMessageContaining("closed");
    result(store.close());
  }
}
