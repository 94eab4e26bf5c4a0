package dev.livelog.store.duckdb;

import dev.livelog.store.query.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * Where queries over stored events run: a connection of their own to the same database and a
 * thread of their own, so appends, checkpoint reads (which the readiness probe makes) and
 * retention never wait behind a long query. Each query has a deadline; the statement it is
 * running then is cancelled ({@link java.sql.Statement#cancel}, which interrupts DuckDB), and
 * a query whose deadline passed while it waited for the thread never starts.
 */
final class DuckDbReader implements Statements {
  private final DuckDbThread thread;
  private final ScheduledExecutorService canceller;
  // Used on the reader thread only, but for the canceller's look at the running query.
  private Connection connection;
  private volatile Run current;
  private volatile boolean closing;

  /** One query's run: the statement it is executing, cancelled at its deadline. */
  private static final class Run {
    final Deadline deadline;
    volatile PreparedStatement statement;
    volatile boolean cancelled;

    Run(Deadline deadline) {
      this.deadline = deadline;
    }

    void cancel() {
      cancelled = true;
      PreparedStatement running = statement;
      if (running != null) {
        try {
          running.cancel(); // interrupts only while this statement executes
        } catch (SQLException closed) {
          // it had already finished
        }
      }
    }
  }

  DuckDbReader(Vertx vertx, String name) {
    this.thread = new DuckDbThread(vertx, name);
    this.canceller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread t = new Thread(runnable, name + "-deadlines");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens the reader's own connection to the database the writer has open. */
  Future<Void> open(Connection writer) {
    return thread.submit(() -> {
      connection = writer.unwrap(DuckDBConnection.class).duplicate();
      return null;
    });
  }

  /** Runs a query on the reader thread, cancelled at the deadline. */
  <T> Future<T> submit(Deadline deadline, DuckDbThread.Work<T> work) {
    return thread.submit(() -> {
      if (connection == null || closing) {
        throw new IllegalStateException("the DuckDB store is " + (closing ? "closed" : "not open"));
      }
      if (deadline.passed()) {
        throw deadline.exceeded();
      }
      Run run = new Run(deadline);
      current = run;
      ScheduledFuture<?> cancel = canceller.schedule(run::cancel, deadline.remainingMillis(), TimeUnit.MILLISECONDS);
      try {
        return work.run();
      } catch (SQLException e) {
        throw run.cancelled ? deadline.exceeded() : e;
      } finally {
        cancel.cancel(false);
        current = null;
      }
    });
  }

  /** A statement on the reader's connection, cancelled at the running query's deadline. */
  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    Run run = current;
    if (run == null) {
      throw new IllegalStateException("reader statements are made by queries on the reader thread");
    }
    if (run.cancelled || run.deadline.passed()) {
      throw run.deadline.exceeded();
    }
    PreparedStatement statement = connection.prepareStatement(sql);
    run.statement = statement;
    if (run.cancelled) { // the deadline passed while it was being prepared
      statement.close();
      throw run.deadline.exceeded();
    }
    return statement;
  }

  /**
   * Cancels the running query, fails the queued ones, and closes the connection; the writer
   * thread waits for this before it closes the database.
   */
  CompletableFuture<Void> close() {
    closing = true;
    Run running = current;
    if (running != null) {
      running.cancel();
    }
    CompletableFuture<Void> closed = thread.run(() -> {
      if (connection != null) {
        connection.close();
        connection = null;
      }
      return null;
    });
    thread.shutdown();
    canceller.shutdownNow();
    return closed;
  }
}
