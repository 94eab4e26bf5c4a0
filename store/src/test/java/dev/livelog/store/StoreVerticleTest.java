package dev.livelog.store;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.StoredAck;
import dev.livelog.store.duckdb.DuckDbEventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The store verticle on a real Vert.x bus with the embedded DuckDB store. */
@ExtendWith(VertxExtension.class)
class StoreVerticleTest {
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private EventStore store;
  private final List<StoredAck> acks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    store = DuckDbEventStore.inDirectory(vertx, dataDir);
    result(store.open());
    result(vertx.eventBus().<JsonObject>consumer(Addresses.STORED,
        message -> acks.add(StoredAck.fromJson(message.body()))).completion());
  }

  @AfterEach
  void tearDown() {
    result(store.close());
  }

  @Test
  void storesPublishedBatchesOnceAndAcknowledgesEachOne() {
    deploy(StoreOptions.defaults());
    EventBatch first = batch("nginx", "inode-1", 0, 30, T0);
    EventBatch second = batch("nginx", "inode-1", 3000, 20, T0);
    EventBatch other = batch("api", "inode-7", 0, 10, T0);

    for (EventBatch batch : List.of(second, first, other, first)) {
      vertx.eventBus().publish(Addresses.EVENTS, batch);
    }

    awaitAcks(4);
    assertThat(result(store.countEvents())).isEqualTo(60L);
    assertThat(acks).filteredOn(ack -> ack.startOffset() == 0 && ack.sourceId().equals("nginx"))
        .hasSize(2)
        .allSatisfy(ack -> assertThat(ack.endOffset()).isEqualTo(first.endOffset()))
        .extracting(StoredAck::newlyStored).containsExactlyInAnyOrder(30, 0);
    assertThat(acks).filteredOn(ack -> ack.sourceId().equals("api")).singleElement()
        .isEqualTo(new StoredAck("api", "inode-7", 0, 1000, 10, 10));
    assertThat(acks).filteredOn(ack -> ack.startOffset() == 3000).singleElement()
        .extracting(StoredAck::newlyStored).isEqualTo(20);
  }

  @Test
  void aBatchOfOnlyDeadLettersIsAcknowledgedForItsByteRange() {
    deploy(StoreOptions.defaults());
    EventBatch unparsable = new EventBatch(SampleEvents.origin("nginx", "inode-1"), 500, 900, 4,
        List.of());

    vertx.eventBus().publish(Addresses.EVENTS, unparsable);

    awaitAcks(1);
    assertThat(acks.get(0)).isEqualTo(new StoredAck("nginx", "inode-1", 500, 900, 0, 0));
  }

  @Test
  void checkpointsAreLoadedAndSavedOverTheBus() {
    deploy(StoreOptions.defaults());

    assertThat(request(new JsonObject().put("op", "load").put("source", "nginx")))
        .isEqualTo(new JsonObject());
    Checkpoint saved = new Checkpoint("nginx", "inode-1", 4096, T0, "1024:0123456789abcdef");
    assertThat(request(saved.toJson().put("op", "save"))).isEqualTo(new JsonObject());

    JsonObject loaded = request(new JsonObject().put("op", "load").put("source", "nginx"));

    assertThat(Checkpoint.fromJson(loaded)).isEqualTo(saved);
    assertThat(result(store.checkpoint("nginx"))).isEqualTo(saved);
  }

  @Test
  void badCheckpointRequestsAreRefusedWith400() {
    deploy(StoreOptions.defaults());

    assertThat(refusal(new JsonObject().put("op", "drop").put("source", "nginx")))
        .hasMessageContaining("unknown op 'drop'");
    assertThat(refusal(new JsonObject().put("op", "load")))
        .hasMessageContaining("'source'");
    assertThat(refusal(new JsonObject().put("op", "save").put("source", "nginx")
        .put("offset", "ten"))).hasMessageContaining("'offset'");
    assertThat(refusal("load nginx")).hasMessageContaining("JSON object");
  }

  @Test
  void stoppingStoresAcceptedBatchesAndDeadLetters() {
    // A long linger keeps batches pending until the verticle stops.
    String id = deploy(StoreOptions.defaults().withLinger(Duration.ofMinutes(1)));
    vertx.eventBus().publish(Addresses.EVENTS, batch("nginx", "inode-1", 0, 25, T0));
    for (int i = 1; i <= 3; i++) {
      DeadLetter letter = new DeadLetter("nginx", "inode-1", 100L * i, T0 + i, "junk " + i, "?");
      vertx.eventBus().publish(Addresses.DEAD_LETTERS, letter.toJson());
    }
    request(new JsonObject().put("op", "load").put("source", "nginx")); // handled after those

    result(vertx.undeploy(id));

    assertThat(result(store.countEvents())).isEqualTo(25L);
    assertThat(acks).hasSize(1);
    assertThat(result(store.deadLetters(10))).extracting(DeadLetter::line)
        .containsExactly("junk 3", "junk 2", "junk 1");
  }

  @Test
  void recentDeadLettersCountPerSourceAndShowTheNewestFirst() {
    deploy(StoreOptions.defaults());
    for (int i = 1; i <= 3; i++) {
      vertx.eventBus().publish(Addresses.DEAD_LETTERS,
          new DeadLetter(i == 3 ? "api" : "nginx", "inode-1", i, T0 + i, "junk " + i, "bad").toJson());
    }
    Eventually.holds(() -> result(vertx.eventBus().<JsonObject>request(Addresses.DEAD_LETTERS_RECENT,
        new JsonObject().put("limit", 2)).map(m -> m.body())).getLong("count") == 3);
    JsonObject recent = result(vertx.eventBus().<JsonObject>request(Addresses.DEAD_LETTERS_RECENT,
        new JsonObject().put("limit", 2)).map(m -> m.body()));
    assertThat(recent.getJsonObject("bySource").getMap()).containsEntry("nginx", 2L).containsEntry("api", 1L);
    assertThat(recent.getJsonArray("samples")).hasSize(2);
    assertThat(recent.getJsonArray("samples").getJsonObject(0).getString("line")).isEqualTo("junk 3");
  }

  @Test
  void aFailingStoreIsReportedAndItsBatchesAreNotAcknowledged() {
    StoreVerticle verticle = new StoreVerticle(store, StoreOptions.defaults());
    String id = result(vertx.deployVerticle(verticle));
    result(store.close()); // the store goes away under the verticle

    vertx.eventBus().publish(Addresses.EVENTS, batch("nginx", "inode-1", 0, 5, T0));

    Eventually.holds(verticle::isStoreFailing);
    assertThat(acks).isEmpty();
    // Stopping gives up on the store after a bounded wait: the batch stays unacknowledged,
    // so its source reads it again from its checkpoint on the next start.
    result(vertx.undeploy(id));
    assertThat(acks).isEmpty();
  }

  @Test
  void eventsOlderThanTheRetentionAreExpiredPeriodically() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));
    StoreOptions defaults = StoreOptions.defaults();

    deploy(new StoreOptions(Duration.ofDays(1), defaults.maxEventsPerAppend(), defaults.linger(),
        defaults.maxPendingEvents(), defaults.maxPendingLineChars(), Duration.ofMillis(50), defaults.deadLettersKept()));

    Eventually.holds(() -> result(store.countEvents()) == 0);
  }

  private String deploy(StoreOptions options) {
    return result(vertx.deployVerticle(new StoreVerticle(store, options)));
  }

  private void awaitAcks(int count) {
    Eventually.holds(() -> acks.size() >= count);
  }

  private JsonObject request(Object body) {
    return result(vertx.eventBus().<JsonObject>request(Addresses.CHECKPOINTS, body)
        .map(reply -> reply.body()));
  }

  private ReplyException refusal(Object body) {
    Future<?> reply = vertx.eventBus().request(Addresses.CHECKPOINTS, body);
    Throwable failed = failure(reply);
    assertThat(failed).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failed).failureCode()).isEqualTo(400);
    return (ReplyException) failed;
  }
}
