package dev.livelog.store;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bus to an open {@link EventStore}: stores event batches and acknowledges them on
 * {@link Addresses#STORED}, answers checkpoint requests, keeps dead letters and expires old
 * events. The application opens and closes the store; stopping this verticle first stores
 * what it has accepted.
 */
public final class StoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);
  /** Dead letters are saved in batches of this many, or every second. */
  private static final int DEAD_LETTER_BATCH = 100;
  /**
   * How long a stop waits for an unreachable store, within the process's 10 s: what is not
   * written by then is not acknowledged, so its sources read it again on the next start.
   */
  private static final long FLUSH_ON_STOP_MILLIS = 2_000;

  private final EventStore store;
  private final StoreOptions options;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  private volatile BatchWriter writer; // read by readiness checks on other threads
  private CheckpointRequests checkpoints;
  private DeadLetterBuffer deadLetters;
  private boolean savingDeadLetters;
  private final java.util.Map<String, Long> deadLettersBySource = new java.util.TreeMap<>();
  private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> storedBySource =
      new java.util.concurrent.ConcurrentHashMap<>();

  public StoreVerticle(EventStore store, StoreOptions options) {
    this.store = store;
    this.options = options;
  }

  private volatile java.util.function.Consumer<String> newSource = s -> { };

  /** Hears each source the first time it has events stored (e.g. to register its metrics). */
  public void onNewSource(java.util.function.Consumer<String> listener) {
    newSource = listener;
  }

  private void countStored(String source, long n) {
    java.util.concurrent.atomic.LongAdder counted = storedBySource.get(source);
    if (counted == null) {
      counted = new java.util.concurrent.atomic.LongAdder();
      storedBySource.put(source, counted); // the event loop is the only writer
      newSource.accept(source);
    }
    counted.add(n);
  }

  /** Events this verticle stored per source since start (for metrics). */
  public long stored(String sourceId) {
    java.util.concurrent.atomic.LongAdder n = storedBySource.get(sourceId);
    return n == null ? 0 : n.sum();
  }

  /** For readiness: the store refused the last append and batches are being retried. */
  public boolean isStoreFailing() {
    BatchWriter current = writer;
    return current != null && current.failing();
  }

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    writer = new BatchWriter(vertx, store, options, ack -> {
      countStored(ack.sourceId(), ack.newlyStored());
      vertx.eventBus().publish(Addresses.STORED, ack.toJson());
    });
    checkpoints = new CheckpointRequests(store);
    deadLetters = new DeadLetterBuffer(options.deadLettersKept());
    consumers.add(vertx.eventBus().<EventBatch>consumer(Addresses.EVENTS,
        message -> writer.add(message.body())));
    consumers.add(vertx.eventBus().consumer(Addresses.CHECKPOINTS, this::answerCheckpoint));
    consumers.add(vertx.eventBus().consumer(Addresses.DEAD_LETTERS, this::keepDeadLetter));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.DEAD_LETTERS_RECENT,
        this::answerRecentDeadLetters));
    timers.add(vertx.setPeriodic(1_000, id -> saveDeadLetters()));
    timers.add(vertx.setPeriodic(options.expireEvery().toMillis(), id -> expireEvents()));
    LOG.info("Storing events in {}", store.describe());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .compose(v -> writer.drain().timeout(FLUSH_ON_STOP_MILLIS, TimeUnit.MILLISECONDS))
        .recover(e -> {
          LOG.warn("Stopping without writing {} events, the store failed: {}; their sources read"
              + " them again from their checkpoints on the next start", writer.pendingEvents(), e.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> store.saveDeadLetters(deadLetters.drain(), options.deadLettersKept())
            .timeout(FLUSH_ON_STOP_MILLIS, TimeUnit.MILLISECONDS))
        .recover(e -> {
          LOG.warn("Stopping without saving the latest dead-letter samples: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }

  private void answerCheckpoint(Message<Object> message) {
    checkpoints.answer(message.body()).onComplete(answered -> {
      if (answered.succeeded()) {
        message.reply(answered.result());
      } else if (answered.cause() instanceof CheckpointRequests.InvalidRequest invalid) {
        message.fail(400, invalid.getMessage());
      } else {
        message.fail(500, "checkpoint store failed: " + answered.cause().getMessage());
      }
    });
  }

  private void keepDeadLetter(Message<Object> message) {
    if (!(message.body() instanceof JsonObject json)) {
      LOG.warn("Ignoring a dead letter that is not a JSON object: {}", message.body());
      return;
    }
    try {
      DeadLetter letter = DeadLetter.fromJson(json);
      deadLetters.add(letter);
      deadLettersBySource.merge(letter.sourceId(), 1L, Long::sum);
    } catch (RuntimeException malformed) {
      LOG.warn("Ignoring a malformed dead letter {}: {}", json, malformed.toString());
      return;
    }
    if (deadLetters.size() >= DEAD_LETTER_BATCH) {
      saveDeadLetters();
    }
  }

  /** How many lines failed per source since start, and the newest stored samples. */
  private void answerRecentDeadLetters(Message<JsonObject> message) {
    int limit = message.body() == null ? 20 : message.body().getInteger("limit", 20);
    JsonObject bySource = new JsonObject();
    deadLettersBySource.forEach(bySource::put);
    long count = deadLettersBySource.values().stream().mapToLong(Long::longValue).sum();
    List<DeadLetter> pending = deadLetters.drain();
    deadLetters.restore(pending);
    store.deadLetters(Math.max(0, Math.min(limit, 1000))).onComplete(stored -> {
      if (stored.failed()) {
        message.fail(500, "dead letters could not be read: " + stored.cause().getMessage());
        return;
      }
      io.vertx.core.json.JsonArray samples = new io.vertx.core.json.JsonArray();
      // Not yet saved ones are the newest.
      for (int i = pending.size() - 1; i >= 0 && samples.size() < limit; i--) {
        samples.add(pending.get(i).toJson());
      }
      stored.result().stream().limit(Math.max(0, limit - samples.size()))
          .forEach(d -> samples.add(d.toJson()));
      message.reply(new JsonObject().put("count", count).put("bySource", bySource)
          .put("samples", samples));
    });
  }

  private void saveDeadLetters() {
    if (savingDeadLetters || deadLetters.size() == 0) {
      return;
    }
    savingDeadLetters = true;
    List<DeadLetter> batch = deadLetters.drain();
    store.saveDeadLetters(batch, options.deadLettersKept()).onComplete(saved -> {
      savingDeadLetters = false;
      if (saved.failed()) {
        LOG.warn("Saving {} dead letters failed: {}", batch.size(), saved.cause().toString());
        deadLetters.restore(batch);
      }
    });
  }

  private void expireEvents() {
    long before = System.currentTimeMillis() - options.retention().toMillis();
    store.expireEvents(before).onComplete(expired -> {
      if (expired.failed()) {
        LOG.warn("Expiring old events failed: {}", expired.cause().toString());
      } else if (expired.result() > 0) {
        LOG.debug("Expired {} events older than the retention", expired.result());
      }
    });
  }
}
