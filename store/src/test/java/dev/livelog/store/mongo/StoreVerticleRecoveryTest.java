package dev.livelog.store.mongo;

import static dev.livelog.common.Await.result;
import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.StoredAck;
import dev.livelog.store.Eventually;
import dev.livelog.store.StoreOptions;
import dev.livelog.store.StoreVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database goes down under the store verticle and comes back: nothing is lost. */
@ExtendWith(VertxExtension.class)
class StoreVerticleRecoveryTest {
  private final MemoryBackend data = new MemoryBackend();
  private MongoServer server;
  private MongoEventStore store;

  @AfterEach
  void tearDown() {
    if (store != null) {
      result(store.close());
    }
    server.shutdownNow();
  }

  /**
   * The short server selection timeout (which makes the outage show quickly) can expire on a
   * loaded machine before the live server is first reached: opening is tried again then.
   */
  private static void openWhileUp(MongoEventStore store) {
    for (int attempt = 1; ; attempt++) {
      try {
        result(store.open());
        return;
      } catch (AssertionError e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  @Test
  void batchesArrivingWhileTheDatabaseIsDownAreStoredOnceItIsBack(Vertx vertx) {
    server = new MongoServer(data);
    server.bind("127.0.0.1", 0);
    int port = server.getLocalAddress().getPort();
    store = new MongoEventStore(vertx, "mongodb://127.0.0.1:" + port
        + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300", "livelog");
    openWhileUp(store);
    List<StoredAck> acks = new CopyOnWriteArrayList<>();
    result(vertx.eventBus().<JsonObject>consumer(Addresses.STORED,
        message -> acks.add(StoredAck.fromJson(message.body()))).completion());
    StoreVerticle verticle = new StoreVerticle(store, StoreOptions.defaults());
    result(vertx.deployVerticle(verticle));

    server.shutdownNow();
    vertx.eventBus().publish(Addresses.EVENTS, batch("nginx", "inode-1", 0, 40, T0));
    Eventually.holds(verticle::isStoreFailing);
    assertThat(acks).isEmpty();

    server = new MongoServer(data);
    server.bind("127.0.0.1", port);

    Eventually.holds(() -> acks.size() == 1);
    assertThat(verticle.isStoreFailing()).isFalse();
    assertThat(acks.get(0).newlyStored()).isEqualTo(40);
    assertThat(result(store.countEvents())).isEqualTo(40L);
  }
}
