package dev.livelog.store;

import dev.livelog.common.config.StorageConfig;
import dev.livelog.store.duckdb.DuckDbEventStore;
import dev.livelog.store.mongo.MongoEventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses and opens the store the configuration asks for. */
public final class EventStores {
  private EventStores() {}

  /**
   * MongoDB when {@code storage.mongo.uri} is set, else the embedded DuckDB file in
   * {@code storage.data_dir} (created when missing). The caller closes the store.
   */
  public static Future<EventStore> open(Vertx vertx, StorageConfig storage) {
    EventStore store;
    if (storage.usesMongo()) {
      store = new MongoEventStore(vertx, storage.mongo().uri(), storage.mongo().database());
    } else {
      Path dataDir = Path.of(storage.dataDir());
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        return Future.failedFuture(new IllegalStateException(
            "cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e, e));
      }
      store = DuckDbEventStore.inDirectory(vertx, dataDir);
    }
    return store.open().map(v -> store);
  }
}
