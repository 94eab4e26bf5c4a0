package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/config}: the dashboard description, computed once at start, and for a
 * signed-in browser its {@code session} (user, expiry), so the page can offer to sign out.
 */
final class ConfigHandler implements Handler<RoutingContext> {
  private final JsonObject description;
  private final String body;

  ConfigHandler(JsonObject description) {
    this.description = description;
    this.body = description.encode();
  }

  @Override
  public void handle(RoutingContext ctx) {
    Sessions.Session session = ctx.get(AccessGuard.SESSION);
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(session == null ? body : description.copy().put("session", new JsonObject()
            .put("user", session.user()).put("expiresAt", session.expiresAt())).encode());
  }
}
