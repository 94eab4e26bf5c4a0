package dev.livelog.store.duckdb;

import dev.livelog.common.bus.AlertRecord;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One row per alert fingerprint: what its receivers were told. */
final class DuckDbAlertRecords {
  private final Connection connection;

  DuckDbAlertRecords(Connection connection) {
    this.connection = connection;
  }

  void save(AlertRecord record) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT OR REPLACE INTO alert_records (fingerprint, rule, updated_at, body)"
            + " VALUES (?, ?, epoch_ms(?::BIGINT), ?)")) {
      upsert.setString(1, record.fingerprint());
      upsert.setString(2, record.rule());
      upsert.setLong(3, record.updatedAt());
      upsert.setString(4, record.body().encode());
      upsert.executeUpdate();
    }
  }

  List<AlertRecord> all() throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT fingerprint, rule, epoch_ms(updated_at), body FROM alert_records ORDER BY fingerprint");
        ResultSet rows = query.executeQuery()) {
      List<AlertRecord> records = new ArrayList<>();
      while (rows.next()) {
        records.add(new AlertRecord(rows.getString(1), rows.getString(2), rows.getLong(3),
            new JsonObject(rows.getString(4))));
      }
      return records;
    }
  }

  void delete(String fingerprint) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM alert_records WHERE fingerprint = ?")) {
      delete.setString(1, fingerprint);
      delete.executeUpdate();
    }
  }
}
