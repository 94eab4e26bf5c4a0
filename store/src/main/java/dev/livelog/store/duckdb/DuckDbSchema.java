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
    // Field columns ("f.status", ...) are added as fields appear: see EventColumns. No key:
    // DuckDbEventWriter appends only events whose byte range is not in stored_ranges.
    """
    CREATE TABLE IF NOT EXISTS events (
      source VARCHAR NOT NULL, file_id VARCHAR NOT NULL, "offset" BIGINT NOT NULL,
      time TIMESTAMP_MS NOT NULL, host VARCHAR, path VARCHAR, schema_id INTEGER NOT NULL,
      append_seq BIGINT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS event_columns (
      position INTEGER PRIMARY KEY, field VARCHAR NOT NULL, kind VARCHAR NOT NULL,
      name VARCHAR NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS event_schemas (id INTEGER PRIMARY KEY, names VARCHAR NOT NULL)""",
    // Schemas not in memory are looked up by their names (see EventSchemas).
    "CREATE INDEX IF NOT EXISTS event_schemas_by_names ON event_schemas (names)",
    """
    CREATE TABLE IF NOT EXISTS stored_ranges (
      source VARCHAR NOT NULL, file_id VARCHAR NOT NULL, ranges VARCHAR NOT NULL,
      PRIMARY KEY (source, file_id))""",
    """
    CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value BIGINT)""",
    """
    CREATE TABLE IF NOT EXISTS datapoints (
      period VARCHAR NOT NULL, "group" VARCHAR NOT NULL, time TIMESTAMP_MS NOT NULL,
      events BIGINT NOT NULL, "values" JSON, PRIMARY KEY (period, "group", time))""",
    // Keys folded into 'other' series; added after the first release of the table.
    "ALTER TABLE datapoints ADD COLUMN IF NOT EXISTS folded JSON",
    """
    CREATE TABLE IF NOT EXISTS checkpoints (
      source VARCHAR PRIMARY KEY, file_id VARCHAR, "offset" BIGINT NOT NULL,
      updated_at TIMESTAMP_MS)""",
    // Added with file fingerprints; data files from before get the column empty.
    "ALTER TABLE checkpoints ADD COLUMN IF NOT EXISTS fingerprint VARCHAR",
    "CREATE SEQUENCE IF NOT EXISTS deadletter_seq",
    """
    CREATE TABLE IF NOT EXISTS deadletters (
      seq BIGINT NOT NULL DEFAULT nextval('deadletter_seq'), source VARCHAR, file_id VARCHAR,
      "offset" BIGINT, received_at TIMESTAMP_MS, line VARCHAR, reason VARCHAR)""",
    """
    CREATE TABLE IF NOT EXISTS alert_records (
      fingerprint VARCHAR PRIMARY KEY, rule VARCHAR NOT NULL, updated_at TIMESTAMP_MS,
      body JSON NOT NULL)""",
  };

  private DuckDbSchema() {}

  /**
   * Development builds kept events as JSON text; such a file is refused with a way out
   * rather than misread.
   */
  private static void refuseKeyedEvents(Connection connection) throws SQLException {
    long events = Sql.singleLong(connection,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'events'");
    long current = Sql.singleLong(connection, "SELECT count(*) FROM duckdb_columns()"
        + " WHERE table_name = 'events' AND column_name = 'append_seq'");
    if (events > 0 && current == 0) {
      throw new IllegalStateException("this data file was written by an earlier development"
          + " build of livelog (events as JSON text); move it away or use another data"
          + " directory");
    }
  }

  static void create(Connection connection) throws SQLException {
    refuseKeyedEvents(connection);
    try (Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
    }
  }
}
