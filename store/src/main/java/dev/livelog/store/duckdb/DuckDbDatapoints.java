package dev.livelog.store.duckdb;

import dev.livelog.common.bus.Datapoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Datapoint history: one row per period, group and time; saving again replaces it. */
final class DuckDbDatapoints {
  private final Connection connection;

  DuckDbDatapoints(Connection connection) {
    this.connection = connection;
  }

  void save(List<Datapoint> points) throws SQLException {
    // A handful of rows per tick: a JDBC batch is fast enough here, unlike for events.
    Sql.inTransaction(connection, () -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT OR REPLACE INTO datapoints (period, \"group\", time, events, \"values\", folded)"
              + " VALUES (?, ?, epoch_ms(?::BIGINT), ?, ?, ?)")) {
        for (Datapoint point : points) {
          insert.setString(1, point.period());
          insert.setString(2, point.group());
          insert.setLong(3, point.time());
          insert.setLong(4, point.events());
          insert.setString(5, FieldsJson.write(point.values()));
          insert.setString(6, point.folded().isEmpty() ? null : FieldsJson.write(asDoubles(point.folded())));
          insert.addBatch();
        }
        return insert.executeBatch();
      }
    });
  }

  List<Datapoint> range(String period, long from, long to) throws SQLException {
    return range(period, null, from, to);
  }

  /** The period's datapoints in {@code [from, to)}, of one group (null: of every group). */
  List<Datapoint> range(String period, String group, long from, long to) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT "group", epoch_ms(time), events, "values", folded FROM datapoints
        WHERE period = ? AND time >= epoch_ms(?::BIGINT) AND time < epoch_ms(?::BIGINT)
          AND (CAST(? AS VARCHAR) IS NULL OR "group" = ?)
        ORDER BY time, "group\"""")) {
      query.setString(1, period);
      query.setLong(2, Sql.timeBound(from));
      query.setLong(3, Sql.timeBound(to));
      query.setString(4, group);
      query.setString(5, group);
      try (ResultSet rows = query.executeQuery()) {
        List<Datapoint> points = new ArrayList<>();
        while (rows.next()) {
          Map<String, Long> folded = new LinkedHashMap<>();
          if (rows.getString(5) != null) {
            series(rows.getString(5)).forEach((name, keys) -> folded.put(name, keys.longValue()));
          }
          points.add(new Datapoint(period, rows.getString(1), rows.getLong(2), rows.getLong(3),
              series(rows.getString(4)), folded));
        }
        return points;
      }
    }
  }

  void trim(String period, long before) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM datapoints WHERE period = ? AND time < epoch_ms(?::BIGINT)")) {
      delete.setString(1, period);
      delete.setLong(2, Sql.timeBound(before));
      delete.executeUpdate();
    }
  }

  private static Map<String, Double> asDoubles(Map<String, Long> counts) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.forEach((name, n) -> out.put(name, n.doubleValue()));
    return out;
  }

  private static Map<String, Double> series(String json) {
    FieldsJson.Fields fields = FieldsJson.read(json);
    Map<String, Double> series = new LinkedHashMap<>();
    for (int i = 0; i < fields.values().length; i++) {
      Object value = fields.values()[i];
      series.put(fields.names().get(i), value == null ? null : ((Number) value).doubleValue());
    }
    return series;
  }
}
