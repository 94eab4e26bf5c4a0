package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/**
 * {@code GET /api/history?period=5s}: asks the analyzer for a period's datapoints over the
 * event bus and relays its answer, so the page can fill its charts before live points come.
 */
final class HistoryHandler implements Handler<RoutingContext> {
  private final BusRelay analyzer;
  private final LivelogConfig config;

  HistoryHandler(EventBus bus, LivelogConfig config) {
    this(bus, config, BusRelay.REPLY_TIMEOUT_MS);
  }

  HistoryHandler(EventBus bus, LivelogConfig config, long replyTimeoutMs) {
    this.analyzer = new BusRelay(bus, Addresses.HISTORY, "analyzer", replyTimeoutMs);
    this.config = config;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String period = ctx.request().getParam("period");
    if (period == null || period.isBlank()) {
      ApiError.send(ctx, 400, "query parameter 'period' is required");
      return;
    }
    String unknown = "'period': unknown period '" + period + "'; periods: "
        + config.periods().stream().map(p -> p.name()).collect(Collectors.joining(", "));
    if (config.period(period) == null) {
      ApiError.send(ctx, 404, unknown);
      return;
    }
    analyzer.relay(ctx, new JsonObject().put("period", period), unknown);
  }
}
