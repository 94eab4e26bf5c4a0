package dev.livelog.app;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.json.JsonObject;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live datapoint counts the lines of its window that reach livelog in time: lines written
 * continuously, each dated when it is written (as nginx dates them), through the whole
 * pipeline (file source, parser, store, analyzer); for every datapoint whose window the
 * writing covered, the drill-down's total of stored events equals the datapoint's count, for
 * the group and for a series. Computed at its time, each point missed the lines written in
 * the last moments before it (still being read, batched and parsed), which its drill-down
 * lists.
 */
class LivePointDrillDownTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final long WINDOW_MS = 3_000;
  /**
   * Each point waits this long for its lines (the derived default is 1.1 s): a test machine
   * busy with other builds can hold a line back longer than a production node would.
   */
  private static final String TICK_DELAY = "4s";
  /** Long enough for several points whose windows the writing covers. */
  private static final long WRITE_MS = 9_000;

  @TempDir Path dir;

  @Test
  void everyLivePointCountsExactlyTheStoredEventsItsDrillDownLists() throws Exception {
    Path log = Files.createFile(dir.resolve("access.log"));
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: web, path: "%s", format: combined, from: start}]
        storage: {data_dir: "%s"}
        web: {port: 0}
        pipeline: {tick_delay: %s}
        periods: [{name: 1s, interval: 1s, window: 3s, history: 60}]
        groups:
          requests:
            label: Requests by status
            analyzers:
              - {metric: count, by: status}
        """.formatted(log, dir.resolve("data"), TICK_DELAY));
    ConfigCheck.validate(config);
    LivelogNode node = result(LivelogNode.start(config,
        EnumSet.of(Role.SOURCE, Role.PARSER, Role.ANALYZER), false));
    try {
      List<Datapoint> published = new CopyOnWriteArrayList<>();
      result(node.vertx().eventBus().<JsonObject>consumer(Addresses.analytics("1s"),
          m -> published.add(Datapoint.fromJson(m.body()))).completion());

      long started = System.currentTimeMillis();
      long written = 0;
      try (OutputStream out = new FileOutputStream(log.toFile(), true)) {
        // About 200 lines a second, across every tick: each dated the second it is written.
        while (System.currentTimeMillis() - started < WRITE_MS) {
          String status = written % 3 == 0 ? "500" : "200";
          out.write(("10.0.0.1 - - [" + TIME.format(Instant.now()) + "] \"GET /" + written
              + " HTTP/1.1\" " + status + " 5 \"-\" \"-\"\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          written++;
          Thread.sleep(5);
        }
      }
      long ended = System.currentTimeMillis();
      long lines = written;
      OneJvmPipelineTest.await("every line stored", () -> OneJvmPipelineTest.count(node) == lines);

      // The points whose whole window lies in the seconds written, all of it.
      long firstWindowStart = (started / 1000 + 1) * 1000;
      long lastTime = ended / 1000 * 1000;
      OneJvmPipelineTest.await("the points up to the last second written", () -> published.stream()
          .anyMatch(p -> p.group().equals("requests") && p.time() >= lastTime));
      List<Datapoint> covered = published.stream()
          .filter(p -> p.group().equals("requests"))
          .filter(p -> p.time() - WINDOW_MS >= firstWindowStart && p.time() <= lastTime)
          .toList();
      assertThat(covered).as("points whose window the writing covered").hasSizeGreaterThanOrEqualTo(4);
      for (Datapoint point : covered) {
        assertThat(point.events()).as("events of the point at %s", point.time()).isGreaterThan(100);
        assertThat(total(node, point, null)).as("the drill-down of the point at %s", point.time())
            .isEqualTo(point.events());
        assertThat(total(node, point, "500")).as("the drill-down of its series 500")
            .isEqualTo(Math.round(point.values().get("500")));
      }
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + node.webPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).as("no line came after its point")
          .contains("livelog_analyzer_after_tick_events_total{period=\"1s\"} 0.0");
    } finally {
      result(node.stop());
    }
  }

  /** The drill-down's total of a point (a series of it, or the group), from the store. */
  private static long total(LivelogNode node, Datapoint point, String series) {
    JsonObject request = new JsonObject().put("group", point.group()).put("series", series)
        .put("from", point.time() - WINDOW_MS).put("to", point.time()).put("limit", 1);
    return result(node.vertx().eventBus().<JsonObject>request(Addresses.EVENTS_QUERY, request))
        .body().getLong("total");
  }
}
