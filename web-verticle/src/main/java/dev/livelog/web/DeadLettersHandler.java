package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/deadletters?limit=20}: how many lines failed to parse, per source, and the
 * newest samples with their reasons, as the store keeps them.
 */
final class DeadLettersHandler implements Handler<RoutingContext> {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1_000;

  private final BusRelay store;

  DeadLettersHandler(EventBus bus) {
    this.store = new BusRelay(bus, Addresses.DEAD_LETTERS_RECENT, "store", BusRelay.REPLY_TIMEOUT_MS);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String text = ctx.request().getParam("limit");
    int limit;
    try {
      limit = text == null ? DEFAULT_LIMIT : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      ApiError.send(ctx, 400, "limit must be a whole number from 0 to " + MAX_LIMIT + ", got '" + text + "'");
      return;
    }
    store.relay(ctx, new JsonObject().put("limit", limit), null);
  }
}
