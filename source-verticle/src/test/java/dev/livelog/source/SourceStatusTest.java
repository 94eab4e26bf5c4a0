package dev.livelog.source;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.PipelineConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.file.FileTailSource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a source tells about itself on {@code livelog.status.sources}: its status every 2 s in
 * every state (a page marks a source silent when it stops), and an error that is over once it
 * streams again, kept as the previous one.
 */
class SourceStatusTest {
  @TempDir Path dir;
  private Vertx vertx;
  private final List<JsonObject> statuses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // The store's side of the bus: no checkpoint yet, saves accepted.
    vertx.eventBus().<JsonObject>consumer(Addresses.CHECKPOINTS, m -> m.reply(new JsonObject()));
    vertx.eventBus().<JsonObject>consumer(Addresses.SOURCE_STATUS, m -> statuses.add(m.body()));
  }

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  private JsonObject await(String what, Predicate<JsonObject> status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 40_000;
    while (System.currentTimeMillis() < deadline) {
      for (JsonObject s : statuses) {
        if (status.test(s)) {
          return s;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no status " + what + " within 40 s; got " + statuses);
  }

  @Test
  void aSourceBackingOffKeepsPublishingAndARecoveredOneKeepsItsErrorAsThePreviousOne() throws Exception {
    Path log = dir.resolve("access.log"); // not there yet
    SourceConfig config = SourceConfig.file("web", log.toString(), "combined", "start");
    result(vertx.deployVerticle(new SourceVerticle(config, PipelineConfig.defaults(),
        () -> new FileTailSource(log, true))));

    // Once a retry is 2 s or more away, the same backing-off is published again meanwhile.
    JsonObject again = await("republished while backing off", s -> s.getString("state").equals("backing-off")
        && s.getLong("time") - s.getLong("since") >= 1_900);
    assertThat(again.getString("lastError")).startsWith("no such file: ").endsWith("access.log");
    long failedAt = again.getLong("lastErrorAt");
    assertThat(failedAt).isPositive();

    Files.createFile(log);
    JsonObject recovered = await("streaming", s -> s.getString("state").equals("streaming"));

    assertThat(recovered.getString("lastError")).isNull();
    assertThat(recovered.getString("previousError")).isEqualTo(again.getString("lastError"));
    assertThat(recovered.getLong("previousErrorAt")).isGreaterThanOrEqualTo(failedAt);
  }
}
