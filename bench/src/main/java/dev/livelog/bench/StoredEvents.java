package dev.livelog.bench;

import dev.livelog.store.duckdb.DuckDbEventStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * What an embedded store holds after a benchmark, read from its file once livelog has
 * stopped: rows, distinct events (an event is its source, file and byte offset) and dead
 * letters, so a benchmark's loss and duplicate counts come from the store, not from a literal.
 *
 * <p>usage: java -cp bench/target/benchmarks.jar dev.livelog.bench.StoredEvents DATA_DIR
 * prints {@code rows=N distinct=N deadletters=N}
 */
public final class StoredEvents {
  /** Rows, distinct events and dead letters in a store. */
  public record Counts(long rows, long distinct, long deadLetters) {
    /** Rows beyond one per event. */
    public long twice() {
      return rows - distinct;
    }
  }

  public static void main(String[] args) throws Exception {
    Counts counts;
    try {
      counts = read(Path.of(args[0]));
    } catch (NoSuchFileException e) {
      System.err.println("no embedded store at " + e.getFile());
      System.exit(2);
      return;
    }
    System.out.printf("rows=%d distinct=%d deadletters=%d%n", counts.rows(), counts.distinct(),
        counts.deadLetters());
  }

  /** Reads the counts of the embedded store in {@code dataDir}, which no process may hold open. */
  public static Counts read(Path dataDir) throws Exception {
    Path file = dataDir.resolve(DuckDbEventStore.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement s = connection.createStatement()) {
      return new Counts(single(s, "SELECT count(*) FROM events"),
          single(s, "SELECT count(*) FROM (SELECT DISTINCT source, file_id, \"offset\" FROM events)"),
          single(s, "SELECT count(*) FROM deadletters"));
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
