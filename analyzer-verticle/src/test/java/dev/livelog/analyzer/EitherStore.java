package dev.livelog.analyzer;

import static dev.livelog.common.Await.result;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import dev.livelog.store.mongo.MongoEventStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Either store for a test class ({@code @RegisterExtension static}): DuckDB in a directory, or
 * MongoDB in a database of its own on a mongo-java-server the class's tests share. The store
 * opened is closed after each test; the server and Vert.x after the class.
 */
final class EitherStore implements AfterEachCallback, AfterAllCallback {
  private final Vertx vertx = Vertx.vertx();
  private MongoServer mongo;
  private EventStore store;

  /** @param kind {@code duckdb} or {@code mongodb} */
  EventStore open(String kind, Path dir) {
    if (kind.equals("duckdb")) {
      store = DuckDbEventStore.inDirectory(vertx, dir);
    } else {
      if (mongo == null) {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
      }
      store = new MongoEventStore(vertx, "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
          "test" + System.nanoTime());
    }
    result(store.open());
    return store;
  }

  /** The store of that kind, holding {@code events} (one batch of one file of source ng1). */
  EventStore holding(String kind, Path dir, List<LogEvent> events) {
    EventStore opened = open(kind, dir);
    result(opened.append(List.of(new EventBatch(new SourceOrigin("ng1", "h", "/p", "1-2"), 0,
        events.size() * 100L, events.size(), events))));
    return opened;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (store != null) {
      result(store.close());
      store = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (mongo != null) {
      mongo.shutdownNow();
    }
    result(vertx.close());
  }
}
