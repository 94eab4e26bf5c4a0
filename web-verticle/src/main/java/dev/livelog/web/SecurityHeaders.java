package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response that keep browsers from running, framing or sniffing anything
 * the dashboard did not mean: scripts, styles, images and connections from this origin only
 * (the page has no inline script and loads nothing from elsewhere), no framing at all
 * (clickjacking), no MIME sniffing, no referrer sent to other sites (a {@code ?token=} must
 * not leak through it; {@code no-referrer} would also make the browser send {@code Origin: null}
 * with the page's own form posts, which {@link CrossSiteGuard} refuses), and, over TLS, HTTPS
 * only from then on.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
      "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
      "form-action 'self'", "frame-ancestors 'none'");
  /** Half a year: browsers keep to HTTPS for this host once they saw it over TLS. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=15552000";

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "same-origin")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Cross-Origin-Resource-Policy", "same-origin");
    if (ctx.request().isSSL()) {
      headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    ctx.next();
  }
}
