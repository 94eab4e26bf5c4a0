package dev.livelog.store.mongo;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventsQuery;
import dev.livelog.store.query.QueryRefused;
import io.netty.channel.Channel;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines over the wire: every query over stored events is an aggregation that carries
 * {@code maxTimeMS} and {@code allowDiskUse}, and its answer is cut at the deadline even when
 * the server does not stop (mongo-java-server ignores {@code maxTimeMS}; a real mongod stops
 * with error 50, which the store reports the same way).
 */
class MongoQueryDeadlineTest {
  /** The aggregate commands the server received; each one slowed down by {@code delayMillis}. */
  private static final class RecordingBackend extends MemoryBackend {
    final List<Document> aggregates = new CopyOnWriteArrayList<>();
    volatile long delayMillis;

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      if (command.equals("aggregate")) {
        aggregates.add(query);
        sleep(delayMillis);
      }
      return super.handleCommand(channel, database, command, query);
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final RecordingBackend backend = new RecordingBackend();
  private MongoServer server;
  private Vertx vertx;
  private MongoEventStore store;

  @BeforeEach
  void start() {
    server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    vertx = Vertx.vertx();
    store = new MongoEventStore(vertx, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), "livelog");
    result(store.open());
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));
  }

  @AfterEach
  void stop() {
    result(store.close());
    result(vertx.close());
    server.shutdownNow();
  }

  private static AggregateQuery percentiles() {
    return new AggregateQuery(T0, T0 + 60_000, 10_000, List.of(), "status", "bytes", true, 0, false);
  }

  @Test
  void queriesCarryTheirDeadlineAndMaySpillToDisk() {
    result(store.aggregate(percentiles(), Deadline.after(Duration.ofSeconds(8))));
    result(store.eventBatches(T0, T0 + 60_000, 100, Deadline.after(Duration.ofSeconds(8))));
    result(store.eventsPage(new EventsQuery(T0, T0 + 60_000, List.of(), 10, null),
        Deadline.after(Duration.ofSeconds(8)))); // a page and its total

    assertThat(backend.aggregates).hasSize(4).allSatisfy(command -> {
      assertThat(((Number) command.get("maxTimeMS")).longValue()).isBetween(1L, 8_000L);
      assertThat(command.get("allowDiskUse")).isEqualTo(true);
    });
  }

  @Test
  void noStageKeepsEveryEventsValue() {
    result(store.aggregate(percentiles(), Deadline.after(Duration.ofSeconds(8))));

    @SuppressWarnings("unchecked")
    List<Document> stages = (List<Document>) backend.aggregates.get(0).get("pipeline");
    List<Document> groups = stages.stream().filter(s -> s.containsKey("$group"))
        .map(s -> (Document) s.get("$group")).toList();
    assertThat(groups).isNotEmpty().allSatisfy(group -> group.values().forEach(accumulator -> {
      if (accumulator instanceof Document d && d.containsKey("$push")) {
        assertThat(d.get("$push")).as("a value pushed per event").isNotEqualTo("$v")
            .isInstanceOf(Document.class); // {r, c}: a value and its count
      }
    }));
  }

  @Test
  void aSlowServersAnswerIsCutAtTheDeadline() {
    backend.delayMillis = 6_000;
    long started = System.nanoTime();

    Throwable late = failure(store.aggregate(percentiles(), Deadline.after(Duration.ofMillis(300))));

    assertThat(late).isInstanceOf(QueryRefused.class).hasMessageContaining("300ms deadline");
    assertThat(((QueryRefused) late).status()).isEqualTo(504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5_000));
  }
}
