package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/alerts}: the alerts firing, pending and lately resolved. */
final class AlertsHandler implements Handler<RoutingContext> {
  private final AlertBoard board;

  AlertsHandler(AlertBoard board) {
    this.board = board;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(board.snapshot(System.currentTimeMillis()).encode());
  }
}
