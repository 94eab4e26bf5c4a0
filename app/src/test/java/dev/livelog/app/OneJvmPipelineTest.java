package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.bus.Datapoint;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one JVM, as {@code livelog run} deploys it: a file source, parsers,
 * the embedded store, the analyzer and the web server. Lines in the seed's cache format give
 * the seed's two plot groups with hand-computed values, every line is stored once, and a
 * restart keeps the history and resumes at the checkpoint.
 */
class OneJvmPipelineTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.ofHours(-8));

  @TempDir Path dir;

  static String line(Instant t, String status, boolean media, String upstream, String rt, String login) {
    return "***" + TIME.format(t) + " ups_ad: " + upstream + " ups_rt: " + rt + " cache: " + status
        + " www.example.com \"GET /p/ HTTP/1.1\" (200) media: " + (media ? 1 : 0) + " wp_login: " + login;
  }

  private LivelogConfig config(Path log) throws Exception {
    return DemoCommand.exampleConfig()
        .withSources(List.of(SourceConfig.file("cache", log.toString(), "nginx_cache", "start")))
        .withPeriods(List.of(new PeriodConfig("1s", Duration.ofSeconds(1), Duration.ofSeconds(6), 30)))
        .withStorage(EmbeddedStoreKind.inDirectory(dir.resolve("data").toString()))
        .withWeb(new WebConfig("127.0.0.1", 0));
  }

  static LivelogNode start(LivelogConfig config) throws Exception {
    ConfigCheck.validate(config);
    return LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void stop(LivelogNode node) throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static long storedEvents(LivelogNode node) throws Exception {
    return node.store().countEvents().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void linesBecomeTheSeedsDatapointsAreStoredOnceAndSurviveARestart() throws Exception {
    Path log = dir.resolve("cache.log");
    Files.createFile(log);
    LivelogConfig config = config(log);
    LivelogNode node = start(config);
    List<Datapoint> seen = new CopyOnWriteArrayList<>();
    node.vertx().eventBus().<JsonObject>consumer("livelog.analytics.1s",
        m -> seen.add(Datapoint.fromJson(m.body())));

    Instant t = Instant.now();
    List<String> lines = new ArrayList<>();
    // cache0 counts non-media requests: 6 HIT, 3 MISS, 1 EXPIRED -> 60 / 30 / 10 %.
    for (int i = 0; i < 6; i++) {
      lines.add(line(t, "HIT", false, "-", "-", ""));
    }
    lines.add(line(t, "MISS", false, "10.0.0.1:80", "0.100", ""));
    lines.add(line(t, "MISS", false, "10.0.0.1:80", "0.300", ""));
    lines.add(line(t, "MISS", false, "10.0.0.2:80", "0.500", ""));
    lines.add(line(t, "EXPIRED", false, "10.0.0.2:80", "9.000", "editor%7C1"));
    // Media requests are not in cache0 but count for aurt: logged out, upstream 10.0.0.1.
    for (int i = 0; i < 4; i++) {
      lines.add(line(t, "MISS", true, "10.0.0.1:80", "0.200", ""));
    }
    Files.write(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    // A tick's groups arrive one message each: wait for aurt's of the same tick too.
    await("a datapoint with all 10 non-media requests, and aurt's of the same tick",
        () -> seen.stream().anyMatch(p -> p.group().equals("cache0") && p.events() == 10
            && seen.stream().anyMatch(a -> a.group().equals("aurt") && a.time() == p.time())));
    Datapoint cache = seen.stream().filter(p -> p.group().equals("cache0") && p.events() == 10)
        .findFirst().orElseThrow();
    assertThat(cache.values().get("HIT")).isCloseTo(60.0, within(1e-9));
    assertThat(cache.values().get("MISS")).isCloseTo(30.0, within(1e-9));
    assertThat(cache.values().get("EXPIRED")).isCloseTo(10.0, within(1e-9));
    assertThat(cache.values().get("STALE")).isZero();
    Datapoint aurt = seen.stream().filter(p -> p.group().equals("aurt") && p.time() == cache.time())
        .findFirst().orElseThrow();
    // 10.0.0.1: 0.1, 0.3 and four media 0.2 -> 0.2; 10.0.0.2: 0.5 (the logged-in 9.0 excluded).
    assertThat(aurt.values().get("10.0.0.1:80")).isCloseTo(0.2, within(1e-9));
    assertThat(aurt.values().get("10.0.0.2:80")).isCloseTo(0.5, within(1e-9));

    await("all lines stored", () -> count(node) == lines.size());
    stop(node);

    LivelogNode again = start(config);
    try {
      String history = get("http://127.0.0.1:" + again.webPort() + "/api/history?period=1s");
      assertThat(history).contains("\"group\":\"cache0\"").contains("\"events\":10");
      Files.write(log, List.of(line(Instant.now(), "HIT", false, "-", "-", "")),
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      await("the new line stored after the restart", () -> count(again) == lines.size() + 1);
      Thread.sleep(500);
      assertThat(storedEvents(again)).as("resumed at the checkpoint, nothing stored twice")
          .isEqualTo(lines.size() + 1);
    } finally {
      stop(again);
    }
  }

  static long count(LivelogNode node) {
    try {
      return storedEvents(node);
    } catch (Exception e) {
      return -1;
    }
  }

  static String get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
