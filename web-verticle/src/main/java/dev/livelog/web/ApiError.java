package dev.livelog.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one shape of every API error: {@code {"status": 503, "error": "why"}}. */
final class ApiError {
  private ApiError() {}

  static void send(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", status).put("error", message).encode());
  }
}
