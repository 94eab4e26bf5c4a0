package dev.livelog.parser.tail;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.tail.TailSubscription;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live tails on a node that parses: holds the pages' subscriptions published on
 * {@code livelog.tail.subscriptions}, taps the events this node's parsers publish (a local
 * consumer of {@code livelog.events}, registered only while a page tails), and every second
 * sends each tail's sample to its web node. One per node, whatever the number of parsers.
 */
public final class TailVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TailVerticle.class);
  static final long FLUSH_EVERY_MS = 1000;
  /** Batches waiting for the tail's worker; more are left out of the tails. */
  static final int QUEUED_BATCHES = 8;

  private ThreadPoolExecutor worker;
  private TailTap tap;
  private MessageConsumer<EventBatch> events;

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_BATCHES),
        r -> {
          Thread thread = new Thread(r, "livelog-tail");
          thread.setDaemon(true);
          return thread;
        });
    worker.allowCoreThreadTimeOut(true);
    tap = new TailTap(worker, new SplittableRandom());
    vertx.setPeriodic(FLUSH_EVERY_MS, t -> flush());
    return vertx.eventBus().<JsonObject>consumer(Addresses.TAIL_SUBSCRIPTIONS, m -> subscription(m.body()))
        .completion();
  }

  private void subscription(JsonObject json) {
    try {
      if (json.getBoolean("cancel", false)) {
        tap.cancel(json.getString("id"));
      } else {
        tap.subscribe(TailSubscription.fromJson(json), System.currentTimeMillis());
      }
    } catch (IllegalArgumentException | ClassCastException refused) {
      LOG.warn("live tail subscription refused: {}", refused.getMessage());
    }
    tapWhileTailed();
  }

  private void flush() {
    for (TailTap.Outgoing out : tap.flush(System.currentTimeMillis())) {
      vertx.eventBus().send(out.address(), out.message());
    }
    tapWhileTailed();
  }

  /** Events are tapped only while a page tails: otherwise this node adds nothing to the bus. */
  private void tapWhileTailed() {
    if (tap.active() && events == null) {
      events = vertx.eventBus().localConsumer(Addresses.EVENTS, m -> tap.offer(m.body()));
    } else if (!tap.active() && events != null) {
      events.unregister();
      events = null;
    }
  }

  /** Events left out of the tails because the tail's worker was behind. */
  public long skippedEvents() {
    return tap == null ? 0 : tap.skippedEvents();
  }

  @Override
  public Future<?> stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
    return Future.succeededFuture();
  }
}
