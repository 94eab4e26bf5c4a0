package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Guards the page, the REST API and the SockJS bridge when {@code web.auth} is set. A request
 * passes with the session cookie, an {@code Authorization} header (bearer token or basic) or
 * {@code ?token=}; the last two also set the cookie, which is what the bridge's WebSocket and
 * the page's own requests then carry. Opening the page with {@code ?token=} redirects to the
 * same address without it, so the token does not stay in the address bar or the history.
 */
final class AccessGuard implements Handler<RoutingContext> {
  static final String COOKIE = "livelog_session";
  private static final String SIGN_IN_PAGE = """
      <!doctype html><meta charset="utf-8"><title>livelog: sign in</title>
      <p>This livelog dashboard needs credentials: open it once as <code>/?token=YOUR_TOKEN</code>,
      or sign in with the user and password it was configured with.</p>
      """;

  private final WebAccess access;

  AccessGuard(WebAccess access) {
    this.access = access;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Cookie session = request.getCookie(COOKIE);
    if (session != null && access.allowsSession(session.getValue())) {
      ctx.next();
      return;
    }
    String token = request.getParam("token");
    if (!access.allowsHeader(request.getHeader("Authorization")) && !access.allowsToken(token)) {
      deny(ctx);
      return;
    }
    ctx.response().addCookie(Cookie.cookie(COOKIE, access.sessionValue())
        .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
    if (token != null && isPage(request)) {
      ctx.redirect(withoutToken(request));
      return;
    }
    ctx.next();
  }

  private static boolean isPage(HttpServerRequest request) {
    return request.method() == HttpMethod.GET && !request.path().startsWith("/api/")
        && !request.path().startsWith("/eventbus/");
  }

  private static String withoutToken(HttpServerRequest request) {
    StringBuilder query = new StringBuilder();
    request.params().forEach((name, value) -> {
      if (!name.equals("token")) {
        query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
      }
    });
    return request.path() + query;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void deny(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate",
        access.acceptsBasic() ? "Basic realm=\"livelog\", charset=\"UTF-8\"" : "Bearer realm=\"livelog\"");
    if (ctx.request().path().startsWith("/api/")) {
      ApiError.send(ctx, 401, "credentials required: a bearer token, basic auth or the session cookie");
      return;
    }
    ctx.response().setStatusCode(401).putHeader("Content-Type", "text/html; charset=utf-8").end(SIGN_IN_PAGE);
  }
}
