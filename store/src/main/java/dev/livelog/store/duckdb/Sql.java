package dev.livelog.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC steps shared by the DuckDB table classes. */
final class Sql {
  /** About the year 287000: DuckDB timestamps (microseconds in 64 bits) end a little later. */
  private static final long LAST_MILLI = 9_000_000_000_000_000L;

  private Sql() {}

  /**
   * An epoch-millisecond bound that DuckDB can turn into a timestamp: callers use
   * {@code Long.MAX_VALUE} or 0-ish values to mean "no bound".
   */
  static long timeBound(long epochMillis) {
    return Math.max(-LAST_MILLI, Math.min(LAST_MILLI, epochMillis));
  }

  static long singleLong(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs the work in one transaction, so that a failure leaves nothing half-written. */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run() throws SQLException;
  }
}
