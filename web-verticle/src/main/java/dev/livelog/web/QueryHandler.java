package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/query?group=&from=&to=&step=}: a plot group's datapoints over any stored
 * time range, computed by the analyzer ({@code livelog.query}); the page's zoom into the past.
 */
final class QueryHandler implements Handler<RoutingContext> {
  private final BusRelay analyzer;
  private final LivelogConfig config;

  QueryHandler(EventBus bus, LivelogConfig config) {
    this.analyzer = new BusRelay(bus, Addresses.QUERY, "analyzer", BusRelay.REPLY_TIMEOUT_MS);
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
