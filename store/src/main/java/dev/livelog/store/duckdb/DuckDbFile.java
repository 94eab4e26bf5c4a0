package dev.livelog.store.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the DuckDB database file with bounded resources: a memory limit and thread count fit
 * for sharing the JVM with the rest of livelog, and spill files next to the database instead
 * of the system temp directory. Locked down: no external access (no file but its own and its
 * spill files, no network, no extension installed or loaded) and the configuration locked, so
 * that no statement on any connection can turn either back on.
 */
final class DuckDbFile {
  private final Path file;
  private final String memoryLimit;
  private final int threads;

  DuckDbFile(Path file, String memoryLimit, int threads) {
    this.file = file;
    this.memoryLimit = memoryLimit;
    this.threads = threads;
  }

  Path path() {
    return file;
  }

  /** Connects to the file, which this JVM must not already have open. */
  Connection connect() throws Exception {
    DataFileClaims.claim(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), settings());
    } catch (SQLException e) {
      DataFileClaims.release(file);
      throw explain(e);
    } catch (Exception e) {
      DataFileClaims.release(file);
      throw e;
    }
  }

  void release() {
    DataFileClaims.release(file);
  }

  private Properties settings() {
    Properties settings = new Properties();
    settings.setProperty("memory_limit", memoryLimit);
    settings.setProperty("threads", Integer.toString(threads));
    settings.setProperty("temp_directory", file.toAbsolutePath() + ".tmp");
    // Checkpoints compress and rewrite row groups; at the default 16 MB of WAL they ran every
    // few thousand appended events and halved the append rate.
    settings.setProperty("checkpoint_threshold", "128MB");
    settings.setProperty("preserve_insertion_order", "false");
    // Last: once locked, the settings above cannot change either.
    settings.setProperty("enable_external_access", "false");
    settings.setProperty("lock_configuration", "true");
    return settings;
  }

  private Exception explain(SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Could not set lock")) {
      return new IllegalStateException("livelog data file " + file.toAbsolutePath()
          + " is in use by another process (another livelog?); stop it or use another"
          + " data directory. DuckDB said: " + message, e);
    }
    return new IllegalStateException(
        "cannot open livelog data file " + file.toAbsolutePath() + ": " + message, e);
  }
}
