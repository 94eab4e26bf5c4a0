package dev.livelog.store;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.StoredAck;
import dev.livelog.common.retry.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds event batches to the store, one append at a time: batches that arrive while an append
 * runs (or within the linger time of an idle store) go together into the next one. A failed
 * append is retried with backoff and never dropped; each stored batch is acknowledged.
 * Runs on one Vert.x context (the verticle's).
 */
final class BatchWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

  private final Vertx vertx;
  private final EventStore store;
  private final long lingerMillis;
  private final Consumer<StoredAck> onStored;
  private final PendingBatches pending;
  /** 100 ms doubling to 5 s: quick when the store blinks, gentle when it is down. */
  private final Backoff backoff = Backoff.exact(100, 5_000);
  private boolean appending;
  private long lingerTimer = -1;
  private long retryTimer = -1;
  private List<EventBatch> retrying;
  private Promise<Void> drained;
  private volatile boolean failing;
  private long rejected;

  BatchWriter(Vertx vertx, EventStore store, StoreOptions options, Consumer<StoredAck> onStored) {
    this.vertx = vertx;
    this.store = store;
    this.lingerMillis = options.linger().toMillis();
    this.onStored = onStored;
    this.pending = new PendingBatches(options.maxEventsPerAppend(), options.maxPendingEvents(),
        options.maxPendingLineChars());
  }

  /** Whether the last append failed (readiness); cleared by the next success. */
  boolean failing() {
    return failing;
  }

  /** Events accepted and not yet written. */
  int pendingEvents() {
    return pending.events();
  }

  void add(EventBatch batch) {
    if (drained != null) {
      return; // stopping: the source replays unacknowledged batches from its checkpoint
    }
    if (!pending.offer(batch)) {
      // Sources bound their in-flight batches, so this means one does not. Not acknowledged:
      // its source re-reads it from the checkpoint.
      if (rejected++ % 1000 == 0) {
        LOG.error("Store backlog full ({} events, {} characters of lines waiting); batch of {}"
            + " from {} not accepted", pending.events(), pending.lineChars(), batch.events().size(),
            batch.origin());
      }
      return;
    }
    if (pending.fillsAnAppend()) {
      appendNext();
    } else if (lingerMillis == 0) {
      // While an append runs, batches gather for the next one: no waiting needed for company.
      appendNext();
    } else if (lingerTimer < 0 && !busy()) {
      lingerTimer = vertx.setTimer(lingerMillis, id -> {
        lingerTimer = -1;
        appendNext();
      });
    }
  }

  /** Finishes the running append and appends what is pending; fails if the store does. */
  Future<Void> drain() {
    if (drained == null) {
      drained = Promise.promise();
      cancel(lingerTimer);
      if (retryTimer >= 0) {
        cancel(retryTimer);
        retryTimer = -1;
        attempt(retrying); // one last try, now
      } else {
        appendNext();
      }
    }
    return drained.future();
  }

  private boolean busy() {
    return appending || retryTimer >= 0;
  }

  private void appendNext() {
    cancel(lingerTimer);
    lingerTimer = -1;
    if (busy()) {
      return;
    }
    if (pending.isEmpty()) {
      if (drained != null) {
        drained.tryComplete();
      }
      return;
    }
    attempt(pending.takeAppend());
  }

  private void attempt(List<EventBatch> batches) {
    appending = true;
    store.appendEach(batches).onComplete(done -> {
      appending = false;
      if (done.succeeded()) {
        stored(batches, done.result());
      } else {
        failed(batches, done.cause());
      }
    });
  }

  private void stored(List<EventBatch> batches, List<Integer> newlyStored) {
    if (failing) {
      LOG.info("Store {} is writable again", store.describe());
    }
    failing = false;
    backoff.reset();
    retrying = null;
    StoredAcks.of(batches, newlyStored).forEach(onStored);
    appendNext(); // what arrived meanwhile goes now: it has waited long enough
  }

  private void failed(List<EventBatch> batches, Throwable cause) {
    failing = true;
    if (drained != null) {
      drained.tryFail(cause);
      return;
    }
    long delay = backoff.nextDelayMillis();
    LOG.warn("Appending {} batches to {} failed, retrying in {} ms: {}", batches.size(),
        store.describe(), delay, cause.toString());
    retrying = batches;
    retryTimer = vertx.setTimer(delay, id -> {
      retryTimer = -1;
      attempt(batches);
    });
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
