package dev.livelog.store.mongo;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livelog.store.EventStore;
import dev.livelog.store.EventStoreContractTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract over a real TCP connection to an in-process MongoDB wire-protocol server. */
class MongoEventStoreTest extends EventStoreContractTest {
  private static MongoServer server;
  private static int databases;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    server.shutdownNow();
  }

  @Override
  protected EventStore newStore(Vertx vertx) {
    return new MongoEventStore(vertx, uri(), "livelog" + ++databases); // fresh per test
  }

  private static String uri() {
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  @Test
  void filteredFieldsGetAnIndexWithTheTime() {
    result(store.indexFields(List.of("media", "wp_login")));

    MongoClient client = MongoClient.create(vertx,
        new JsonObject().put("connection_string", uri()).put("db_name", "livelog" + databases));
    try {
      List<Object> keys = result(client.listIndexes("events")).stream()
          .map(index -> ((JsonObject) index).getJsonObject("key").getMap().keySet().stream().toList())
          .collect(Collectors.toList());
      assertThat(keys).contains(List.of("time"), List.of("fields.media", "time"),
          List.of("fields.wp_login", "time"));
    } finally {
      client.close();
    }
  }

  @Test
  void describeNamesHostsAndDatabaseButNoCredentials() {
    MongoEventStore store = new MongoEventStore(vertx,
        "mongodb://livelog:s3cret@db1.example:27017,db2.example/?authSource=admin", "logs");

    assertThat(store.describe()).isEqualTo("MongoDB db1.example:27017,db2.example/logs")
        .doesNotContain("s3cret");
  }
}
