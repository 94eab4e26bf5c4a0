package dev.livelog.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's DuckDB can reach no file but its own and load no extension, and nobody
 * can change that on its connection: whatever SQL a query path ever let through, it could not
 * read {@code /etc/passwd}, write a file, attach another database or fetch an extension.
 */
class DuckDbLockdownTest {
  @TempDir Path dir;

  @Test
  void noFileButItsOwnAndNoExtensionAndNoSettingChangesAfterOpening() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.csv"), "a,b\n1,2\n");
    DuckDbFile file = new DuckDbFile(dir.resolve("livelog.duckdb"), "256MB", 1);
    try (Connection connection = file.connect()) {
      assertThat(setting(connection, "enable_external_access")).isEqualTo("false");
      assertThat(setting(connection, "lock_configuration")).isEqualTo("true");
      String[] refused = {
          "SELECT * FROM read_csv('" + outside + "')",
          "SELECT * FROM read_text('/etc/passwd')",
          "SELECT * FROM glob('" + dir + "/*')",
          "COPY (SELECT 42) TO '" + dir.resolve("written.csv") + "'",
          "ATTACH '" + dir.resolve("other.duckdb") + "' AS other",
          "INSTALL httpfs",
          "LOAD httpfs",
          "SET enable_external_access = true",
          "SET lock_configuration = false",
          "SET temp_directory = '/'",
          "RESET enable_external_access",
      };
      for (String statement : refused) {
        try (Statement each = connection.createStatement()) { // a failed statement is closed
          assertThatThrownBy(() -> each.execute(statement)).as(statement).isInstanceOf(SQLException.class);
        }
      }
      assertThat(Files.exists(dir.resolve("written.csv"))).isFalse();
      assertThat(Files.exists(dir.resolve("other.duckdb"))).isFalse();
      assertThat(setting(connection, "enable_external_access")).as("still").isEqualTo("false");
      // The store's own work goes on: tables in its file, written, checkpointed and read.
      try (Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE t (x INTEGER)");
        sql.execute("INSERT INTO t SELECT * FROM range(100000)");
        sql.execute("CHECKPOINT");
        try (ResultSet count = sql.executeQuery("SELECT count(*) FROM t")) {
          count.next();
          assertThat(count.getLong(1)).isEqualTo(100_000);
        }
      }
    } finally {
      file.release();
    }
  }

  private static String setting(Connection connection, String name) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet r = sql.executeQuery("SELECT current_setting('" + name + "')::VARCHAR")) {
      r.next();
      return r.getString(1);
    }
  }
}
