package dev.livelog.bench;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.StoredAck;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the store so a benchmark measures source and parser only: it counts the parsed
 * events, acknowledges every batch at once (so sources never wait on storage) and answers
 * checkpoint requests with "none".
 */
final class AckingStore extends VerticleBase {
  final AtomicLong events = new AtomicLong();

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(Addresses.CHECKPOINTS, m -> m.reply(new JsonObject()));
    return vertx.eventBus().<EventBatch>consumer(Addresses.EVENTS, m -> {
      EventBatch b = m.body();
      events.addAndGet(b.lines());
      vertx.eventBus().publish(Addresses.STORED, new StoredAck(b.origin().sourceId(),
          b.origin().fileId(), b.startOffset(), b.endOffset(), b.lines(), b.lines()).toJson());
    }).completion();
  }
}
