package dev.livelog.store.duckdb;

import dev.livelog.common.bus.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One checkpoint row per source. */
final class DuckDbCheckpoints {
  private final Connection connection;

  DuckDbCheckpoints(Connection connection) {
    this.connection = connection;
  }

  void save(Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT OR REPLACE INTO checkpoints (source, file_id, \"offset\", updated_at, fingerprint)"
            + " VALUES (?, ?, ?, epoch_ms(?::BIGINT), ?)")) {
      upsert.setString(1, checkpoint.sourceId());
      upsert.setString(2, checkpoint.fileId());
      upsert.setLong(3, checkpoint.offset());
      upsert.setLong(4, checkpoint.updatedAt());
      upsert.setString(5, checkpoint.fingerprint());
      upsert.executeUpdate();
    }
  }

  List<Checkpoint> loadAll(String prefix) throws SQLException {
    List<Checkpoint> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT source, file_id, \"offset\", epoch_ms(updated_at), fingerprint FROM checkpoints"
            + " WHERE starts_with(source, ?) ORDER BY source")) {
      query.setString(1, prefix);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found.add(new Checkpoint(row.getString(1), row.getString(2), row.getLong(3),
              row.getLong(4), row.getString(5)));
        }
      }
    }
    return found;
  }

  Checkpoint load(String sourceId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT file_id, \"offset\", epoch_ms(updated_at), fingerprint FROM checkpoints"
            + " WHERE source = ?")) {
      query.setString(1, sourceId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? new Checkpoint(sourceId, row.getString(1), row.getLong(2), row.getLong(3),
                row.getString(4))
            : null;
      }
    }
  }
}
