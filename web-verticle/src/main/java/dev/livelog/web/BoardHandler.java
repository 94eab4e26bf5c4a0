package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongFunction;

/**
 * A GET answered from a board this node keeps of what the bus carries, as of now:
 * {@code /api/sources} (each source's latest status and read rate, by a
 * {@link SourceStatusBoard}) and {@code /api/alerts} (the alerts firing, pending and lately
 * resolved, by an {@link AlertBoard}).
 */
final class BoardHandler implements Handler<RoutingContext> {
  private final LongFunction<JsonObject> snapshot;

  /** @param snapshot the answer at a time (epoch ms) */
  BoardHandler(LongFunction<JsonObject> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(snapshot.apply(System.currentTimeMillis()).encode());
  }
}
