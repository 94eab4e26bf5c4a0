package dev.livelog.store.duckdb;

import dev.livelog.common.bus.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Recent lines that failed to parse, newest first, bounded in number. */
final class DuckDbDeadLetters {
  /** Newest first; the sequence orders letters received in the same millisecond. */
  private static final String NEWEST_FIRST = "ORDER BY received_at DESC, seq DESC";

  private final Connection connection;

  DuckDbDeadLetters(Connection connection) {
    this.connection = connection;
  }

  void save(List<DeadLetter> letters, int keep) throws SQLException {
    Sql.inTransaction(connection, () -> {
      insert(letters);
      try (PreparedStatement trim = connection.prepareStatement(
          "DELETE FROM deadletters WHERE seq NOT IN (SELECT seq FROM deadletters "
              + NEWEST_FIRST + " LIMIT ?)")) {
        trim.setInt(1, keep);
        return trim.executeUpdate();
      }
    });
  }

  private void insert(List<DeadLetter> letters) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO deadletters (source, file_id, \"offset\", received_at, line, reason)"
            + " VALUES (?, ?, ?, epoch_ms(?::BIGINT), ?, ?)")) {
      for (DeadLetter letter : letters) {
        insert.setString(1, letter.sourceId());
        insert.setString(2, letter.fileId());
        insert.setLong(3, letter.offset());
        insert.setLong(4, letter.receivedAt());
        insert.setString(5, letter.line());
        insert.setString(6, letter.reason());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  List<DeadLetter> newest(int limit) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT source, file_id, \"offset\", epoch_ms(received_at), line, reason"
            + " FROM deadletters " + NEWEST_FIRST + " LIMIT ?")) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        List<DeadLetter> letters = new ArrayList<>();
        while (rows.next()) {
          letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getLong(3),
              rows.getLong(4), rows.getString(5), rows.getString(6)));
        }
        return letters;
      }
    }
  }
}
