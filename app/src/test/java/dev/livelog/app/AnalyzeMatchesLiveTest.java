package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.app.demo.CacheLogGenerator;
import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.WebConfig;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livelog analyze} and the live pipeline use the same parsers and analyzers: on the same
 * fixture, the example config's plot groups have the same values in both.
 */
class AnalyzeMatchesLiveTest {
  @TempDir Path dir;

  @Test
  void theSeedsGroupsAreTheSameInAnalyzeAndLive() throws Exception {
    Path fixture = dir.resolve("cache.log");
    CacheLogGenerator generator = new CacheLogGenerator(11);
    Instant start = Instant.now().minusSeconds(30);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      lines.add(generator.line(start.plusMillis(25L * i)));
    }
    Files.write(fixture, lines);

    JsonObject analyzed = analyze(fixture);
    assertThat(analyzed.getLong("parsed")).isEqualTo(800);
    JsonObject groups = analyzed.getJsonObject("groups");

    LivelogConfig live = DemoCommand.exampleConfig()
        .withSources(List.of(SourceConfig.file("fixture", fixture.toString(), "nginx_cache", "start")))
        .withPeriods(List.of(new PeriodConfig("1s", Duration.ofSeconds(1), Duration.ofSeconds(60), 10)))
        .withStorage(EmbeddedStoreKind.inDirectory(dir.resolve("data").toString()))
        .withWeb(new WebConfig("127.0.0.1", 0));
    ConfigCheck.validate(live);
    LivelogNode node = LivelogNode.start(live, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      List<Datapoint> seen = new CopyOnWriteArrayList<>();
      node.vertx().eventBus().<JsonObject>consumer("livelog.analytics.1s", m -> seen.add(Datapoint.fromJson(m.body())));
      long nonMedia = lines.stream().filter(l -> l.contains(" media: 0 ")).count();
      long deadline = System.currentTimeMillis() + 20_000;
      Datapoint cache = null;
      while (cache == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        cache = seen.stream().filter(p -> p.group().equals("cache0") && p.events() == nonMedia)
            .findFirst().orElse(null);
      }
      assertThat(cache).as("a live datapoint over all %d non-media lines", nonMedia).isNotNull();
      long tick = cache.time();
      Datapoint aurt = seen.stream().filter(p -> p.group().equals("aurt") && p.time() == tick)
          .findFirst().orElseThrow();
      assertSame(groups.getJsonObject("cache0"), cache);
      assertSame(groups.getJsonObject("aurt"), aurt);
    } finally {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void assertSame(JsonObject analyzed, Datapoint live) {
    assertThat(analyzed.fieldNames()).as(live.group()).containsExactlyInAnyOrderElementsOf(live.values().keySet());
    live.values().forEach((series, v) ->
        assertThat(analyzed.getDouble(series)).as(live.group() + " " + series).isCloseTo(v, within(1e-9)));
  }

  /** Runs {@code livelog analyze --json} with the example config's formats and groups. */
  private JsonObject analyze(Path fixture) throws Exception {
    Path config = dir.resolve("groups.yaml");
    Files.writeString(config, withoutSections(exampleYaml(), "hosts", "sources"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Livelog.execute(new String[] {"analyze", "--json", "-c", config.toString(),
        "-f", "nginx_cache", fixture.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return new JsonObject(out.toString());
  }

  private static String exampleYaml() throws Exception {
    try (InputStream in = AnalyzeMatchesLiveTest.class.getResourceAsStream("/livelog.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The YAML without the named top-level sections (their key line and indented body). */
  private static String withoutSections(String yaml, String... sections) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : yaml.split("\n", -1)) {
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
      if (topLevel) {
        skipping = List.of(sections).stream().anyMatch(s -> line.startsWith(s + ":"));
      }
      if (!skipping) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
