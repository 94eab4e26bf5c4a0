package dev.livelog.parser.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.tail.TailSubscription;
import io.vertx.core.json.JsonObject;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TailTapTest {
  private static final FieldSchema SCHEMA = new FieldSchema(List.of("status", "path"));
  private static final String ID = "0123456789abcdef0123456789abcdef";
  /** Runs the filters at once, on the caller's thread. */
  private static final Executor NOW = Runnable::run;

  private static EventBatch batch(int count, int every5xx) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(new LogEvent("web", i * 100L, 1_000L + i, SCHEMA,
          new Object[] {i % every5xx == 0 ? 503L : 200L, "/p/" + i}));
    }
    return new EventBatch(new SourceOrigin("web", null, "/var/log/x", "1-2"), 0, count * 100L, count, events);
  }

  private static TailSubscription subscription(String id, String where, int rate) {
    return new TailSubscription(id, where, rate, 30_000);
  }

  @Test
  void aTailGetsAtMostItsRateOfTheLinesItsFilterPassesAndHowManyPassed() {
    TailTap tap = new TailTap(NOW, new SplittableRandom(1));
    tap.subscribe(subscription(ID, "status >= 500", 5), 0);
    tap.offer(batch(100, 2));
    List<TailTap.Outgoing> out = tap.flush(1000);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).address()).isEqualTo("livelog.tail.lines." + ID);
    JsonObject message = out.get(0).message();
    assertThat(message.getLong("matched")).isEqualTo(50);
    assertThat(message.getJsonArray("lines")).hasSize(5);
    JsonObject line = message.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("source")).isEqualTo("web");
    assertThat(line.getJsonObject("fields").getLong("status")).isEqualTo(503);
    assertThat(tap.flush(2000)).as("nothing is sent for a second without a matching line").isEmpty();
  }

  @Test
  void underTheRateEveryMatchingLineGoesInOrder() {
    TailTap tap = new TailTap(NOW, new SplittableRandom(2));
    tap.subscribe(subscription(ID, "path ~ ^/p/1", 100), 0);
    tap.offer(batch(20, 1));
    JsonObject message = tap.flush(1000).get(0).message();
    assertThat(message.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getJsonObject("fields").getString("path")))
        .containsExactly("/p/1", "/p/10", "/p/11", "/p/12", "/p/13", "/p/14", "/p/15", "/p/16", "/p/17", "/p/18", "/p/19");
    assertThat(message.getLong("matched")).isEqualTo(11);
  }

  @Test
  void aSubscriptionNotRenewedExpiresAndARenewalKeepsIt() {
    TailTap tap = new TailTap(NOW, new SplittableRandom(3));
    tap.subscribe(subscription(ID, "", 5), 0);
    tap.flush(29_999);
    assertThat(tap.active()).isTrue();
    tap.subscribe(subscription(ID, "", 5), 20_000);
    tap.flush(49_999);
    assertThat(tap.active()).as("renewed at 20 s for 30 s").isTrue();
    tap.flush(50_000);
    assertThat(tap.active()).isFalse();
    tap.offer(batch(10, 1));
    assertThat(tap.flush(50_001)).isEmpty();
  }

  @Test
  void aCancelledTailGetsNothingMore() {
    TailTap tap = new TailTap(NOW, new SplittableRandom(4));
    tap.subscribe(subscription(ID, "", 5), 0);
    tap.cancel(ID);
    assertThat(tap.active()).isFalse();
  }

  @Test
  void theNumberOfSubscriptionsIsBoundedAndABadFilterRefused() {
    TailTap tap = new TailTap(NOW, new SplittableRandom(5));
    for (int i = 0; i < TailTap.MAX_SUBSCRIPTIONS; i++) {
      tap.subscribe(subscription(String.format("%032x", i), "", 1), 0);
    }
    assertThatThrownBy(() -> tap.subscribe(subscription(String.format("%032x", 999), "", 1), 0))
        .hasMessageContaining("already holds 256 live tails");
    TailTap other = new TailTap(NOW, new SplittableRandom(5));
    assertThatThrownBy(() -> other.subscribe(subscription(ID, "path ~ (?<=x)y", 1), 0))
        .hasMessageContaining("not in RE2's syntax");
    assertThatThrownBy(() -> other.subscribe(subscription(ID, "status >=", 1), 0))
        .hasMessageContaining("expected a value");
  }

  @Test
  void withoutASubscriptionNothingIsHandedToTheWorker() {
    TailTap tap = new TailTap(task -> {
      throw new AssertionError("the worker was used without a tail");
    }, new SplittableRandom(6));
    tap.offer(batch(10, 1));
    assertThat(tap.skippedEvents()).isZero();
  }

  @Test
  void aWorkerThatIsBehindMakesTheTailSkipBatchesNeverWait() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));
    try {
      TailTap tap = new TailTap(worker, new SplittableRandom(7));
      tap.subscribe(subscription(ID, "", 5), 0);
      worker.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      long start = System.nanoTime();
      IntStream.range(0, 10).forEach(i -> tap.offer(batch(100, 1)));
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("offer never waits").isLessThan(5);
      assertThat(tap.skippedEvents()).as("2 batches queued, 8 skipped").isEqualTo(800);
      release.countDown();
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void aLineGoesWithItsFieldsAsItWasRead() {
    LogEvent event = new LogEvent("web", 0, 0, SCHEMA, new Object[] {200L, "/a"}).withLine("GET /a 200");
    JsonObject line = TailTap.line(event);
    assertThat(line.getString("line")).isEqualTo("GET /a 200");
    assertThat(line.getJsonObject("fields").getString("path")).isEqualTo("/a");
    assertThat(TailTap.line(event.withLine("x".repeat(10_000))).getString("line")).hasSize(TailTap.MAX_TEXT + 1);
  }

  @Test
  void longValuesAreCutForThePage() {
    LogEvent event = new LogEvent("web", 0, 0, SCHEMA, new Object[] {200L, "/" + "a".repeat(10_000)});
    String shown = TailTap.line(event).getJsonObject("fields").getString("path");
    assertThat(shown).hasSize(TailTap.MAX_TEXT + 1).endsWith("…");
  }

  @Test
  void aRejectingExecutorIsTheContract() {
    TailTap tap = new TailTap(task -> {
      throw new RejectedExecutionException("full");
    }, new SplittableRandom(8));
    tap.subscribe(subscription(ID, "", 5), 0);
    tap.offer(batch(3, 1));
    assertThat(tap.skippedEvents()).isEqualTo(3);
  }

  /** Offers one event with a 64 KiB line and a 64 KiB path; gives back weak hold of both. */
  private static List<WeakReference<Object>> offerOneLongEvent(TailTap tap) {
    String line = "L".repeat(64 << 10);
    String path = "/" + "p".repeat(64 << 10);
    LogEvent event = new LogEvent("web", 0, 1_000, SCHEMA, new Object[] {200L, path}, line);
    tap.offer(new EventBatch(new SourceOrigin("web", null, "/var/log/x", "1-2"), 0, 100, 1, List.of(event)));
    return List.of(new WeakReference<>(line), new WeakReference<>(path));
  }

  @Test
  void aSamplerHoldsTheLineAsSentNotTheEventWithItsWholeLine() throws Exception {
    TailTap tap = new TailTap(NOW, new SplittableRandom(9));
    tap.subscribe(subscription(ID, "", 5), 0);
    List<WeakReference<Object>> held = offerOneLongEvent(tap);

    // Before the flush, nothing but the sampler could still hold the event's long strings.
    for (int i = 0; i < 100 && held.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(held).as("the 64 KiB line and value are let go at sampling time")
        .allSatisfy(r -> assertThat(r.get()).isNull());
    JsonObject sent = tap.flush(1000).get(0).message().getJsonArray("lines").getJsonObject(0);
    assertThat(sent.getString("line")).hasSize(TailTap.MAX_TEXT + 1).startsWith("LLL");
    assertThat(sent.getJsonObject("fields").getString("path")).hasSize(TailTap.MAX_TEXT + 1);
  }
}
