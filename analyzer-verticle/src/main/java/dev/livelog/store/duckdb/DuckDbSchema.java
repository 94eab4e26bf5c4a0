package dev.livelog.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of the embedded store. {@code offset}, {@code group} and {@code values} are
 * reserved words in DuckDB, hence quoted. Event time filters rely on DuckDB's per-row-group
 * min/max (events arrive roughly in time order), so there is no time index to slow appends.
 */
final class DuckDbSchema {
  private static final String[] STATEMENTS = {
    """
    CREATE TABLE IF NOT EXISTS events (
      source VARCHAR NOT NULL, file_id VARCHAR NOT NULL, "offset" BIGINT NOT NULL,
      time TIMESTAMP_MS NOT NULL, host VARCHAR, path VARCHAR, fields JSON,
      PRIMARY KEY (source, file_id, "offset"))""",
    // Appender target: an Appender flush into a table with a key fails half-way on a
    // duplicate, so rows land here first and move over with INSERT OR IGNORE.
    """
    CREATE TEMP TABLE IF NOT EXISTS staging (
      batch INTEGER NOT NULL, source VARCHAR NOT NULL, file_id VARCHAR NOT NULL,
      "offset" BIGINT NOT NULL, time TIMESTAMP_MS NOT NULL, host VARCHAR, path VARCHAR,
      fields VARCHAR)""",
    """
    CREATE TABLE IF NOT EXISTS datapoints (
      period VARCHAR NOT NULL, "group" VARCHAR NOT NULL, time TIMESTAMP_MS NOT NULL,
      events BIGINT NOT NULL, "values" JSON, PRIMARY KEY (period, "group", time))""",
    """
    CREATE TABLE IF NOT EXISTS checkpoints (
      source VARCHAR PRIMARY KEY, file_id VARCHAR, "offset" BIGINT NOT NULL,
      updated_at TIMESTAMP_MS)""",
    "CREATE SEQUENCE IF NOT EXISTS deadletter_seq",
    """
    CREATE TABLE IF NOT EXISTS deadletters (
      seq BIGINT NOT NULL DEFAULT nextval('deadletter_seq'), source VARCHAR, file_id VARCHAR,
      "offset" BIGINT, received_at TIMESTAMP_MS, line VARCHAR, reason VARCHAR)""",
  };

  private DuckDbSchema() {}

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
    }
  }
}
