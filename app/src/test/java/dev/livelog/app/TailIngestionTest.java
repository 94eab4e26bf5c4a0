package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.WebConfig;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live tails never cost the pipeline a line: with a tail of every line at the highest rate
 * whose page stopped reading its socket (a stalled tab), and one whose page went away without
 * closing it, every line written is stored, once.
 */
class TailIngestionTest {
  private static final int LINES = 20_000;

  @TempDir Path dir;

  @Test
  void aStalledPageAndAnAbandonedTailLoseNoPipelineLine() throws Exception {
    Path log = Files.createFile(dir.resolve("cache.log"));
    LivelogConfig config = DemoCommand.exampleConfig()
        .withSources(List.of(SourceConfig.file("cache", log.toString(), "nginx_cache", "start")))
        .withPeriods(List.of(new PeriodConfig("1s", Duration.ofSeconds(1), Duration.ofSeconds(6), 30)))
        .withStorage(EmbeddedStoreKind.inDirectory(dir.resolve("data").toString()))
        .withWeb(new WebConfig("127.0.0.1", 0).withTailRate(1000));
    LivelogNode node = OneJvmPipelineTest.start(config);
    HttpClient http = HttpClient.newHttpClient();
    try {
      String base = "http://127.0.0.1:" + node.webPort();
      JsonObject stalled = open(http, base);
      JsonObject abandoned = open(http, base);
      AtomicInteger delivered = new AtomicInteger();
      AtomicInteger tailed = new AtomicInteger();
      node.vertx().eventBus().<JsonObject>consumer(stalled.getString("address"),
          m -> tailed.addAndGet(m.body().getJsonArray("lines").size()));
      // A page that registers for its tail's lines and then reads nothing more: the JDK's
      // WebSocket reads a frame only when asked, so the socket's buffers fill as a stalled tab's.
      WebSocket page = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + node.webPort() + "/eventbus/websocket"),
              new WebSocket.Listener() {
                @Override
                public void onOpen(WebSocket webSocket) {
                  // no request(1): nothing is read
                }

                @Override
                public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                  delivered.incrementAndGet();
                  return null;
                }
              })
          .get(10, TimeUnit.SECONDS);
      page.sendText(new JsonObject().put("type", "register").put("address", stalled.getString("address")).encode(), true)
          .get(10, TimeUnit.SECONDS);

      Instant t = Instant.now();
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < LINES; i++) {
        lines.add(OneJvmPipelineTest.line(t, i % 3 == 0 ? "MISS" : "HIT", false, "10.0." + (i % 250) + ".1:80",
            "0.100", "user" + i + "-" + "x".repeat(200)));
      }
      Files.write(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      long deadline = System.currentTimeMillis() + 120_000;
      long renewed = System.currentTimeMillis();
      while (OneJvmPipelineTest.count(node) < LINES && System.currentTimeMillis() < deadline) {
        if (System.currentTimeMillis() - renewed > 5_000) {
          // Only the stalled page renews: the abandoned tail stays open until it expires.
          post(http, base + "/api/tail/" + stalled.getString("id"));
          renewed = System.currentTimeMillis();
        }
        Thread.sleep(100);
      }
      assertThat(OneJvmPipelineTest.count(node)).as("every line stored").isEqualTo(LINES);
      // The tail's seconds trail the store by up to two flushes (the node's, then the web node's).
      OneJvmPipelineTest.await("the tail's lines published for the page", () -> tailed.get() > 0);
      assertThat(delivered.get()).as("the stalled page read nothing").isZero();
      assertThat(tailed.get()).as("the tail was live meanwhile").isPositive();
      assertThat(abandoned.getString("id")).isNotEqualTo(stalled.getString("id"));
      page.abort();
    } finally {
      OneJvmPipelineTest.stop(node);
    }
  }

  private static JsonObject open(HttpClient http, String base) throws Exception {
    HttpResponse<String> opened = post(http, base + "/api/tail?rate=1000");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return new JsonObject(opened.body());
  }

  private static HttpResponse<String> post(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
