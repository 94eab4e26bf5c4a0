package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/query?group=&from=&to=&step=}: a plot group's datapoints over any stored
 * time range, computed by the analyzer ({@code livelog.query}); the page's zoom into the past.
 * Bad syntax is refused here; the query limits are the analyzer's, and its 400, 429 and 504
 * are relayed as they are.
 */
final class QueryHandler implements Handler<RoutingContext> {
  /**
   * The analyzer answers by its query deadline (10 s, cancelling the query there); waiting a
   * little longer lets its own 504 through, and still ends the wait when no analyzer is left.
   */
  private static final long REPLY_TIMEOUT_MS = 15_000;
  private final BusRelay analyzer;
  private final LivelogConfig config;

  QueryHandler(EventBus bus, LivelogConfig config) {
    this.analyzer = new BusRelay(bus, Addresses.QUERY, "analyzer", REPLY_TIMEOUT_MS);
    this.config = config;
  }

  @Override
  public void handle(RoutingContext ctx) {
    QueryRequest request;
    try {
      request = QueryRequest.parse(ctx.request()::getParam, System.currentTimeMillis());
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, 400, e.getMessage());
      return;
    }
    if (!config.groups().containsKey(request.group())) {
      ApiError.send(ctx, 404, "unknown group: " + request.group());
      return;
    }
    analyzer.relay(ctx, request.toJson(), "unknown group: " + request.group());
  }
}
