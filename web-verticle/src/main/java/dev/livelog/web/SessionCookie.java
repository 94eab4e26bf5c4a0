package dev.livelog.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The session cookie as browsers keep it: sent to this site only (SameSite=Strict), never
 * readable by scripts (HttpOnly), for the session's lifetime, and only over HTTPS when the
 * page came over HTTPS (directly, or through a TLS proxy that says so in X-Forwarded-Proto).
 */
final class SessionCookie {
  static final String NAME = "livelog_session";

  private SessionCookie() {}

  static String value(HttpServerRequest request) {
    Cookie cookie = request.getCookie(NAME);
    return cookie == null ? null : cookie.getValue();
  }

  static void set(RoutingContext ctx, String value, Duration lifetime) {
    ctx.response().addCookie(cookie(ctx.request(), value).setMaxAge(lifetime.toSeconds()));
  }

  static void clear(RoutingContext ctx) {
    ctx.response().addCookie(cookie(ctx.request(), "").setMaxAge(0));
  }

  private static Cookie cookie(HttpServerRequest request, String value) {
    return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(overTls(request));
  }

  static boolean overTls(HttpServerRequest request) {
    return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }
}
