package dev.livelog.store.duckdb;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.LogEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends events idempotently at Appender speed: rows go to the staging table through the
 * Appender, then {@code INSERT OR IGNORE} moves the ones whose (source, file, offset) is new.
 * Confined to the DuckDB thread, like the Appender it owns.
 */
final class DuckDbEventWriter implements AutoCloseable {
  private static final String MOVE = "INSERT OR IGNORE INTO events"
      + " SELECT source, file_id, \"offset\", time, host, path, fields FROM staging";

  private final DuckDBConnection connection;
  private final PreparedStatement moveAll;
  private final PreparedStatement moveBatch;
  private DuckDBAppender appender;

  DuckDbEventWriter(Connection connection) throws SQLException {
    this.connection = connection.unwrap(DuckDBConnection.class);
    this.moveAll = connection.prepareStatement(MOVE);
    this.moveBatch = connection.prepareStatement(MOVE + " WHERE batch = ?");
  }

  /** How many events of each batch were new; the events are committed when this returns. */
  List<Integer> append(List<EventBatch> batches, long now) throws SQLException {
    try {
      int staged = stage(batches, now);
      return staged == 0 ? zeros(batches.size()) : move(batches, staged);
    } finally {
      clearStaging();
    }
  }

  private int stage(List<EventBatch> batches, long now) throws SQLException {
    if (appender == null) {
      appender = connection.createAppender("temp", "main", "staging");
    }
    try {
      int rows = 0;
      for (int b = 0; b < batches.size(); b++) {
        rows += stage(b, batches.get(b), now);
      }
      appender.flush();
      return rows;
    } catch (SQLException | RuntimeException e) {
      closeAppender(); // a failed Appender is not reusable; the next append makes a new one
      throw e;
    }
  }

  private int stage(int batch, EventBatch events, long now) throws SQLException {
    SourceOrigin origin = events.origin();
    for (LogEvent event : events.events()) {
      long time = event.time() == LogEvent.NO_TIME ? now : event.time();
      appender.beginRow()
          .append(batch)
          .append(event.source())
          .append(origin.fileId())
          .append(event.offset())
          .appendEpochMillis(time)
          .append(origin.host())
          .append(origin.path())
          .append(FieldsJson.write(event))
          .endRow();
    }
    return events.events().size();
  }

  /**
   * One batch, or all new or all known, is the common case and takes one statement. A mix (a replay next to
   * fresh batches, or one batch twice) is redone batch by batch to count each one.
   */
  private List<Integer> move(List<EventBatch> batches, int staged) throws SQLException {
    if (batches.size() == 1) {
      return new ArrayList<>(List.of(moveAll.executeUpdate())); // its own transaction
    }
    connection.setAutoCommit(false);
    try {
      int moved = moveAll.executeUpdate();
      if (moved == staged || moved == 0) {
        connection.commit();
        return moved == 0 ? zeros(batches.size()) : sizes(batches);
      }
      connection.rollback();
      List<Integer> counts = moveEach(batches);
      connection.commit();
      return counts;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private List<Integer> moveEach(List<EventBatch> batches) throws SQLException {
    List<Integer> counts = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      if (batches.get(b).events().isEmpty()) {
        counts.add(0);
      } else {
        moveBatch.setInt(1, b);
        counts.add(moveBatch.executeUpdate());
      }
    }
    return counts;
  }

  private void clearStaging() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM staging");
    }
  }

  private static List<Integer> sizes(List<EventBatch> batches) {
    List<Integer> sizes = new ArrayList<>(batches.size());
    for (EventBatch batch : batches) {
      sizes.add(batch.events().size());
    }
    return sizes;
  }

  private static List<Integer> zeros(int n) {
    return new ArrayList<>(Collections.nCopies(n, 0));
  }

  private void closeAppender() {
    try {
      if (appender != null) {
        appender.close();
      }
    } catch (SQLException ignored) {
      // Already broken; nothing more to release.
    }
    appender = null;
  }

  @Override
  public void close() throws SQLException {
    closeAppender();
    moveAll.close();
    moveBatch.close();
  }
}
