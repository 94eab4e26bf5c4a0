package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The last {@code /api/*} route: a JSON 404 instead of the static handler's HTML page. */
final class ApiNotFoundHandler implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    ApiError.send(ctx, 404,
        "no such API endpoint: " + ctx.request().method() + " " + ctx.request().path());
  }
}
