package dev.livelog.common.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

/** Registers the batch codecs as the default codecs of their types, once per Vert.x. */
public final class BatchCodecs {
  private BatchCodecs() {}

  public static void register(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    try {
      bus.registerDefaultCodec(LineBatch.class, new LineBatchCodec());
      bus.registerDefaultCodec(EventBatch.class, new EventBatchCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // Several verticles of one JVM each ensure the codecs; the first one wins.
    }
  }
}
