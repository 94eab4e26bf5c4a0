package dev.livelog.store.duckdb;

import dev.livelog.common.event.LogEvent;
import dev.livelog.store.SharedSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads stored events back as {@link LogEvent}s with their typed fields; counts and expires them. */
final class DuckDbEventQueries {
  private static final String RANGE = """
      SELECT source, "offset", epoch_ms(time), fields FROM events
      WHERE time >= CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS)
        AND time < CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS)
      ORDER BY time, source, file_id, "offset"
      LIMIT ?""";

  private final Connection connection;
  private final SharedSchemas schemas = new SharedSchemas();

  DuckDbEventQueries(Connection connection) {
    this.connection = connection;
  }

  List<LogEvent> range(long from, long to, int limit) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(RANGE)) {
      query.setLong(1, Sql.timeBound(from));
      query.setLong(2, Sql.timeBound(to));
      query.setInt(3, limit);
      try (ResultSet rows = query.executeQuery()) {
        List<LogEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(event(rows));
        }
        return events;
      }
    }
  }

  private LogEvent event(ResultSet row) throws SQLException {
    FieldsJson.Fields fields = FieldsJson.read(row.getString(4));
    return new LogEvent(row.getString(1), row.getLong(2), row.getLong(3),
        schemas.of(fields.names()), fields.values());
  }

  long count() throws SQLException {
    return Sql.singleLong(connection, "SELECT count(*) FROM events");
  }

  long expire(long before) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM events WHERE time < CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS)")) {
      delete.setLong(1, Sql.timeBound(before));
      return delete.executeUpdate();
    }
  }
}
