package dev.livelog.web;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Asks another verticle over the event bus and relays its JSON answer as the HTTP response,
 * turning the ways a bus request fails into API errors the page can show: nobody answering
 * or answering too late is 503; the answerer's own 400, 404, 429 (too many queries running)
 * and 504 (its query was cancelled at its deadline) stay what they are; anything else is 502.
 */
final class BusRelay {
  /** Long enough for a busy analyzer, short enough for a page that waits on it. */
  static final long REPLY_TIMEOUT_MS = 10_000;

  private final EventBus bus;
  private final String address;
  private final String answerer;
  private final long replyTimeoutMs;

  BusRelay(EventBus bus, String address, String answerer, long replyTimeoutMs) {
    this.bus = bus;
    this.address = address;
    this.answerer = answerer;
    this.replyTimeoutMs = replyTimeoutMs;
  }

  /** {@code notFound} replaces the answerer's own 404 message when given. */
  void relay(RoutingContext ctx, JsonObject request, String notFound) {
    bus.request(address, request, new DeliveryOptions().setSendTimeout(replyTimeoutMs))
        .onSuccess(reply -> {
          if (reply.body() instanceof JsonObject answer) {
            ctx.response().putHeader("Content-Type", "application/json").end(answer.encode());
          } else {
            ApiError.send(ctx, 502, "the " + answerer + " answered something other than a JSON object");
          }
        })
        .onFailure(failure -> fail(ctx, failure, notFound));
  }

  private void fail(RoutingContext ctx, Throwable failure, String notFound) {
    if (!(failure instanceof ReplyException reply)) {
      ApiError.send(ctx, 500, "request to the " + answerer + " failed: " + failure.getMessage());
      return;
    }
    switch (reply.failureType()) {
      case NO_HANDLERS -> ApiError.send(ctx, 503, "no " + answerer + " is answering on " + address);
      case TIMEOUT -> ApiError.send(ctx, 503, "the " + answerer + " did not answer in time");
      default -> {
        int code = reply.failureCode();
        if (code == 404) {
          ApiError.send(ctx, 404, notFound == null ? reply.getMessage() : notFound);
        } else if (code == 429) {
          ctx.response().putHeader("Retry-After", "1");
          ApiError.send(ctx, 429, reply.getMessage());
        } else if (code == 400 || code == 504) {
          ApiError.send(ctx, code, reply.getMessage());
        } else {
          ApiError.send(ctx, 502, "the " + answerer + " failed: " + reply.getMessage());
        }
      }
    }
  }
}
