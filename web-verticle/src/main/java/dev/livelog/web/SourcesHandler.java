package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/sources}: each source's latest status and read rate, by id. */
final class SourcesHandler implements Handler<RoutingContext> {
  private final SourceStatusBoard board;

  SourcesHandler(SourceStatusBoard board) {
    this.board = board;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("sources", board.snapshot(System.currentTimeMillis())).encode());
  }
}
