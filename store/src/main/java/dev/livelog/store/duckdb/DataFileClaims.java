package dev.livelog.store.duckdb;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DuckDB files this JVM has open. DuckDB's file lock only keeps other processes out: a
 * second open in the same process would quietly share the database, so the store refuses it.
 */
final class DataFileClaims {
  private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

  private DataFileClaims() {}

  static void claim(Path file) {
    if (!CLAIMED.add(key(file))) {
      throw new IllegalStateException("livelog data file " + file
          + " is already open in this process; only one store may hold it");
    }
  }

  static void release(Path file) {
    CLAIMED.remove(key(file));
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
