package dev.livelog.store.duckdb;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.store.EventStore;
import dev.livelog.store.StoreKind;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code embedded}: a DuckDB file in {@code data_dir} (default {@code data}, created when
 * missing), one process's own. The store of a storage section that fits no other kind.
 */
public final class EmbeddedStoreKind implements StoreKind {
  private static final String DEFAULT_DIR = "data";

  /** The embedded store in {@code dataDir}, as the demo and tests configure it. */
  public static StorageConfig inDirectory(String dataDir) {
    return new StorageConfig("embedded", null, Map.of("data_dir", Setting.of(dataDir)));
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public Set<String> keys() {
    return Set.of("data_dir");
  }

  /** Never by its keys: a section names another store's keys or gets this one. */
  @Override
  public boolean recognises(StorageConfig storage) {
    return false;
  }

  @Override
  public boolean fallback() {
    return true;
  }

  @Override
  public void validate(StorageConfig storage) {
    if (dataDir(storage).isBlank()) {
      throw new ConfigException("data_dir", "required");
    }
  }

  @Override
  public String describe(StorageConfig storage) {
    return "embedded, in " + dataDir(storage);
  }

  @Override
  public boolean sharedByNodes() {
    return false;
  }

  @Override
  public EventStore create(Vertx vertx, StorageConfig storage) {
    Path dir = Path.of(dataDir(storage));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create the data directory " + dir.toAbsolutePath() + ": " + e, e);
    }
    return DuckDbEventStore.inDirectory(vertx, dir);
  }

  private static String dataDir(StorageConfig storage) {
    String dir = storage.text("data_dir");
    return dir == null ? DEFAULT_DIR : dir;
  }
}
