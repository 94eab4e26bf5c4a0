package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/config}: the dashboard description, computed once at start. */
final class ConfigHandler implements Handler<RoutingContext> {
  private final String body;

  ConfigHandler(JsonObject description) {
    this.body = description.encode();
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(body);
  }
}
