package dev.livelog.store.duckdb;

import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one DuckDB file under the data directory, so a single-JVM livelog keeps
 * its data across restarts without a server. Writes, checkpoints, datapoints, dead letters and
 * alert records run on the writer thread it owns, in order; queries over stored events run on a reader
 * thread with a connection of its own ({@link DuckDbReader}), cancelled at their deadline.
 */
public final class DuckDbEventStore implements EventStore {
  public static final String FILE_NAME = "livelog.duckdb";
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbEventStore.class);

  private final DuckDbFile file;
  private final DuckDbThread thread;
  private final DuckDbReader reader;
  // Set by open() and used only on the DuckDB thread.
  private Connection connection;
  private DuckDbEventWriter writer;
  private DuckDbEventQueries events;
  // Set by open() and used only on the reader thread.
  private DuckDbEventQueries storedEvents;
  private DuckDbAggregates aggregates;
  private DuckDbDatapoints datapoints;
  private DuckDbCheckpoints checkpoints;
  private DuckDbDeadLetters deadLetters;
  private DuckDbAlertRecords alertRecords;

  /** A store in {@code dataDir}/livelog.duckdb with DuckDB capped at 512 MB and 2 threads. */
  public static DuckDbEventStore inDirectory(Vertx vertx, Path dataDir) {
    return new DuckDbEventStore(vertx, dataDir.resolve(FILE_NAME), "512MB", 2);
  }

  public DuckDbEventStore(Vertx vertx, Path file, String memoryLimit, int threads) {
    this.file = new DuckDbFile(file, memoryLimit, threads);
    this.thread = new DuckDbThread(vertx, "livelog-duckdb");
    this.reader = new DuckDbReader(vertx, "livelog-duckdb-query");
  }

  @Override
  public Future<Void> open() {
    return thread.<Void>submit(() -> {
      connection = file.connect();
      try {
        DuckDbSchema.create(connection);
        EventColumns columns = new EventColumns(connection, DuckDbEventWriter.FIXED_COLUMNS);
        EventSchemas schemas = new EventSchemas(connection);
        writer = new DuckDbEventWriter(connection, columns, schemas);
        events = new DuckDbEventQueries(connection::prepareStatement, columns, schemas);
        storedEvents = new DuckDbEventQueries(reader, columns, schemas);
        aggregates = new DuckDbAggregates(reader, columns);
      } catch (Exception e) {
        closeConnection();
        throw e;
      }
      datapoints = new DuckDbDatapoints(connection);
      checkpoints = new DuckDbCheckpoints(connection);
      deadLetters = new DuckDbDeadLetters(connection);
      alertRecords = new DuckDbAlertRecords(connection);
      return null;
    }).compose(v -> reader.open(connection))
        .onSuccess(v -> LOG.info("Opened the embedded store {}", file.path().toAbsolutePath()))
        .recover(e -> close().transform(closed -> Future.failedFuture(e)));
  }

  @Override
  public Future<List<Integer>> appendEach(List<EventBatch> batches) {
    return onOpen(() -> writer.append(batches, System.currentTimeMillis()));
  }

  @Override
  public Future<Long> countEvents() {
    return onOpen(() -> events.count());
  }

  @Override
  public Future<List<LogEvent>> events(long from, long to, int limit, Deadline deadline) {
    return reader.submit(deadline, () -> storedEvents.range(from, to, limit));
  }

  @Override
  public Future<List<EventBatch>> eventBatches(long from, long to, int limit, Deadline deadline) {
    return reader.submit(deadline, () -> storedEvents.batches(from, to, limit));
  }

  @Override
  public Future<EventsPage> eventsPage(EventsQuery query, Deadline deadline) {
    return reader.submit(deadline, () -> storedEvents.page(query));
  }

  @Override
  public Future<List<BucketStats>> aggregate(AggregateQuery query, Deadline deadline) {
    return reader.submit(deadline, () -> aggregates.run(query));
  }

  @Override
  public Future<Long> expireEvents(long before) {
    return onOpen(() -> events.expire(before));
  }

  @Override
  public Future<Void> saveDatapoints(List<Datapoint> points) {
    return points.isEmpty() ? Future.succeededFuture() : onOpen(() -> {
      datapoints.save(points);
      return null;
    });
  }

  @Override
  public Future<List<Datapoint>> datapoints(String period, long from, long to) {
    return onOpen(() -> datapoints.range(period, from, to));
  }

  @Override
  public Future<List<Datapoint>> datapoints(String period, String group, long from, long to) {
    return onOpen(() -> datapoints.range(period, group, from, to));
  }

  @Override
  public Future<Void> trimDatapoints(String period, long before) {
    return onOpen(() -> {
      datapoints.trim(period, before);
      return null;
    });
  }

  @Override
  public Future<Void> saveCheckpoint(Checkpoint checkpoint) {
    return onOpen(() -> {
      checkpoints.save(checkpoint);
      return null;
    });
  }

  @Override
  public Future<Checkpoint> checkpoint(String sourceId) {
    return onOpen(() -> checkpoints.load(sourceId));
  }

  @Override
  public Future<Void> saveAlertRecord(AlertRecord record) {
    return onOpen(() -> {
      alertRecords.save(record);
      return null;
    });
  }

  @Override
  public Future<List<AlertRecord>> alertRecords() {
    return onOpen(() -> alertRecords.all());
  }

  @Override
  public Future<Void> deleteAlertRecord(String fingerprint) {
    return onOpen(() -> {
      alertRecords.delete(fingerprint);
      return null;
    });
  }

  @Override
  public Future<List<Checkpoint>> checkpoints(String prefix) {
    return onOpen(() -> checkpoints.loadAll(prefix));
  }

  @Override
  public Future<Void> saveDeadLetters(List<DeadLetter> letters, int keep) {
    return letters.isEmpty() ? Future.succeededFuture() : onOpen(() -> {
      deadLetters.save(letters, keep);
      return null;
    });
  }

  @Override
  public Future<List<DeadLetter>> deadLetters(int limit) {
    return onOpen(() -> deadLetters.newest(limit));
  }

  /**
   * Closes after every write already submitted, so pending appends complete first; a query
   * still running then is cancelled.
   */
  @Override
  public Future<Void> close() {
    if (thread.isShutdown()) {
      return Future.succeededFuture();
    }
    Future<Void> closed = thread.submit(() -> {
      reader.close().get(); // its connection goes first: the database closes with the last one
      if (connection != null) {
        writer.close();
        closeConnection();
        LOG.info("Closed the embedded store {}", file.path().toAbsolutePath());
      }
      return null;
    });
    thread.shutdown();
    return closed;
  }

  /** Where queries run; tests occupy it with statements of their own. */
  DuckDbReader reader() {
    return reader;
  }

  @Override
  public String describe() {
    return "DuckDB " + file.path().toAbsolutePath();
  }

  private <T> Future<T> onOpen(DuckDbThread.Work<T> work) {
    return thread.submit(() -> {
      if (connection == null) {
        throw new IllegalStateException("the DuckDB store " + file.path() + " is not open");
      }
      return work.run();
    });
  }

  private void closeConnection() throws Exception {
    try {
      connection.close();
    } finally {
      connection = null;
      file.release();
    }
  }
}
