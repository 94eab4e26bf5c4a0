package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parser verticle on the bus: events and dead letters published, the reply with the
 * counts, counters per source, and no bad line can stop it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ParserVerticleTest {

  @Test
  void everyLineIsPublishedAsAnEventOrADeadLetterAndCountedPerSource(Vertx vertx, VertxTestContext ctx) {
    LivelogConfig config = LivelogConfig.empty().withSources(List.of(
        SourceConfig.file("cache", "/var/log/nginx/cache.log", "seed_cache", "end"),
        SourceConfig.file("web", "/var/log/nginx/access.log", "combined", "end")));
    ParserVerticle parser = new ParserVerticle(config);
    List<EventBatch> events = new CopyOnWriteArrayList<>();
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    vertx.eventBus().<EventBatch>consumer(Addresses.EVENTS, m -> events.add(m.body()));
    vertx.eventBus().<JsonObject>consumer(Addresses.DEAD_LETTERS, m -> dead.add(DeadLetter.fromJson(m.body())));
    Random r = new Random(3);
    LineBatch cache = batch("cache", mixed("seed_cache", r), r);
    LineBatch web = batch("web", mixed("combined", r), r);
    vertx.deployVerticle(parser)
        .compose(id -> vertx.eventBus().<JsonObject>request(Addresses.LINES, cache))
        .compose(reply -> {
          ctx.verify(() -> assertThat(reply.body().getInteger("parsed") + reply.body().getInteger("failed"))
              .isEqualTo(cache.size()));
          return vertx.eventBus().<JsonObject>request(Addresses.LINES, web);
        })
        .onComplete(ctx.succeeding(reply -> vertx.setTimer(200, t -> ctx.verify(() -> {
          int lines = cache.size() + web.size();
          int parsed = events.stream().mapToInt(b -> b.events().size()).sum();
          assertThat(parsed + dead.size()).isEqualTo(lines);
          assertThat(events).extracting(EventBatch::lines).containsExactly(cache.size(), web.size());
          long cacheDead = dead.stream().filter(d -> d.sourceId().equals("cache")).count();
          assertThat(parser.counters().lines("cache")).isEqualTo(cache.size());
          assertThat(parser.counters().failed("cache")).isEqualTo(cacheDead);
          assertThat(parser.counters().failed("web")).isEqualTo(dead.size() - cacheDead);
          assertThat(cacheDead).isGreaterThan(10);
          assertThat(dead).allSatisfy(d -> {
            assertThat(d.reason()).isNotBlank();
            assertThat(d.fileId()).isEqualTo("inode-1");
          });
          assertThat(dead).anyMatch(d -> d.reason().equals(BatchParser.CUT));
          assertThat(dead).anyMatch(d -> d.reason().contains("(at character "));
          ctx.completeNow();
        }))));
  }

  @Test
  void aSourceWithoutAFormatIsRefusedNotCrashed(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new ParserVerticle(LivelogConfig.empty()))
        .compose(id -> vertx.eventBus().request(Addresses.LINES, batch("nobody", List.of("x"), new Random(1))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e.getMessage()).contains("no format for source 'nobody'");
          ctx.completeNow();
        })));
  }

  @Test
  void aSourceOutsideTheConfigIsReadByTheFormatItsBatchNames(Vertx vertx, VertxTestContext ctx) {
    // A node-local source ("nginx-${NODE_NAME}") that this parser's config does not list.
    String line = "10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"-\"";
    LineBatch named = new LineBatch(new SourceOrigin("nginx-node-7", "node-7", "/var/log/nginx/access.log",
        "inode-1", "combined"), new long[] {0}, new String[] {line}, line.length() + 1);
    LineBatch unknown = new LineBatch(new SourceOrigin("nginx-node-8", "node-8", "/x", "inode-1",
        "no_such_format"), new long[] {0}, new String[] {line}, line.length() + 1);
    vertx.deployVerticle(new ParserVerticle(LivelogConfig.empty()))
        .compose(id -> vertx.eventBus().<JsonObject>request(Addresses.LINES, named))
        .compose(reply -> {
          ctx.verify(() -> assertThat(reply.body().getInteger("parsed")).isEqualTo(1));
          return vertx.eventBus().request(Addresses.LINES, unknown);
        })
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e.getMessage()).contains("nginx-node-8").contains("does not know format 'no_such_format'");
          ctx.completeNow();
        })));
  }

  private static List<String> mixed(String format, Random r) {
    List<String> lines = new ArrayList<>(SampleLogLines.of(format, 100, r));
    for (int i = 0; i < 100; i++) {
      lines.add(LineMutations.mutate(lines.get(i), r, 3));
    }
    lines.add("");
    lines.add("\u0000\uFFFD garbage \uD800");
    return lines;
  }

  private static LineBatch batch(String source, List<String> lines, Random r) {
    long[] offsets = new long[lines.size()];
    boolean[] cut = new boolean[lines.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 1000L;
      cut[i] = i % 50 == 7;
    }
    return new LineBatch(new SourceOrigin(source, "h", "/x", "inode-1"), offsets,
        lines.toArray(String[]::new), lines.size() * 1000L, cut);
  }
}
