package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/history?period=5s}: asks the analyzer for a period's datapoints over the
 * event bus and relays its answer, so the page can fill its charts before live points come.
 */
final class HistoryHandler implements Handler<RoutingContext> {
  /** Long enough for a busy analyzer, short enough for a page that waits on it. */
  static final long REPLY_TIMEOUT_MS = 10_000;

  private final EventBus bus;
  private final LivelogConfig config;
  private final long replyTimeoutMs;

  HistoryHandler(EventBus bus, LivelogConfig config) {
    this(bus, config, REPLY_TIMEOUT_MS);
  }

  HistoryHandler(EventBus bus, LivelogConfig config, long replyTimeoutMs) {
    this.bus = bus;
    this.config = config;
    this.replyTimeoutMs = replyTimeoutMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String period = ctx.request().getParam("period");
    if (period == null || period.isBlank()) {
      ApiError.send(ctx, 400, "query parameter 'period' is required");
      return;
    }
    if (config.period(period) == null) {
      ApiError.send(ctx, 404, "unknown period: " + period);
      return;
    }
    bus.request(Addresses.HISTORY, new JsonObject().put("period", period),
            new DeliveryOptions().setSendTimeout(replyTimeoutMs))
        .onSuccess(reply -> relay(ctx, reply))
        .onFailure(failure -> fail(ctx, period, failure));
  }

  private static void relay(RoutingContext ctx, Message<Object> reply) {
    if (!(reply.body() instanceof JsonObject history)) {
      ApiError.send(ctx, 502, "the analyzer answered something other than a JSON object");
      return;
    }
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(history.encode());
  }

  private static void fail(RoutingContext ctx, String period, Throwable failure) {
    if (!(failure instanceof ReplyException reply)) {
      ApiError.send(ctx, 500, "history request failed: " + failure.getMessage());
      return;
    }
    switch (reply.failureType()) {
      case NO_HANDLERS -> ApiError.send(ctx, 503, "no analyzer is answering history requests");
      case TIMEOUT -> ApiError.send(ctx, 503, "the analyzer did not answer in time");
      default -> {
        if (reply.failureCode() == 404) {
          ApiError.send(ctx, 404, "unknown period: " + period);
        } else {
          ApiError.send(ctx, 502, "the analyzer failed: " + reply.getMessage());
        }
      }
    }
  }
}
