package dev.livelog.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Guards the page, the REST API and the SockJS bridge when {@code web.auth} is set. A request
 * passes with a valid session cookie, or an {@code Authorization} header (bearer token or
 * basic: what scripts send). A page load may also carry {@code ?token=}: it signs the browser
 * in (a session cookie) and is redirected to the same page without the token, so the token
 * leaves the address bar and the history; the API and the bridge never take a token in their
 * address (it would end up in proxy logs). Wrong credentials count against the client's
 * address ({@link LoginThrottle}).
 */
final class AccessGuard implements Handler<RoutingContext> {
  /** The session a request came with, for the handlers after this one. */
  static final String SESSION = "livelog.session";

  private final WebAccess access;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final LongSupplier clock;

  AccessGuard(WebAccess access, Sessions sessions, LoginThrottle throttle, LongSupplier clock) {
    this.access = access;
    this.sessions = sessions;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long now = clock.getAsLong();
    Sessions.Session session = sessions.verify(SessionCookie.value(request), now);
    if (session != null && access.knows(session.user())) {
      ctx.put(SESSION, session);
      ctx.next();
      return;
    }
    String authorization = request.getHeader("Authorization");
    String token = isPage(request) ? request.getParam("token") : null;
    if (authorization == null && token == null) {
      deny(ctx, session == null && SessionCookie.value(request) != null
          ? "Your session has ended: sign in again." : null);
      return;
    }
    String address = address(request);
    long wait = throttle.retryAfterSeconds(address, now);
    if (wait > 0) {
      tooManyFailures(ctx, access, wait, LocalPath.of(withoutToken(request)));
      return;
    }
    String user = authorization != null ? access.userOfHeader(authorization) : access.userOfToken(token);
    if (user == null) {
      throttle.failed(address, now);
      deny(ctx, "Those credentials are not right.");
      return;
    }
    throttle.succeeded(address);
    if (authorization != null) {
      ctx.next();
      return;
    }
    SessionCookie.set(ctx, sessions.issue(user, now), sessions.ttl());
    ctx.redirect(LocalPath.of(withoutToken(request)));
  }

  static String address(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  private static boolean isPage(HttpServerRequest request) {
    return request.method() == HttpMethod.GET && !request.path().startsWith("/api/")
        && !request.path().startsWith(AnalyticsBridge.PATH + "/");
  }

  /** The address asked for, without its {@code token} parameter. */
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

  private void deny(RoutingContext ctx, String message) {
    HttpServerRequest request = ctx.request();
    // Browsers get a sign-in page, not their own password dialog (which would keep
    // credentials that signing out cannot forget); scripts get the challenge they expect.
    boolean browser = request.getHeader("Sec-Fetch-Mode") != null;
    ctx.response().putHeader("WWW-Authenticate", access.acceptsPassword() && !browser
        ? "Basic realm=\"livelog\", charset=\"UTF-8\"" : "Bearer realm=\"livelog\"");
    if (request.path().startsWith("/api/")) {
      ApiError.send(ctx, 401, message != null && message.contains("not right")
          ? "wrong credentials" : "credentials required: a bearer token, basic auth or the session cookie");
      return;
    }
    if (request.path().startsWith(AnalyticsBridge.PATH + "/")) {
      ctx.response().setStatusCode(401).end();
      return;
    }
    SignInPage.send(ctx, 401, access, LocalPath.of(withoutToken(request)), message);
  }

  static void tooManyFailures(RoutingContext ctx, WebAccess access, long retryAfterSeconds, String next) {
    ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
    String message = "Too many failed sign-ins from your address: try again in "
        + retryAfterSeconds + " s.";
    if (ctx.request().path().startsWith("/api/") || ctx.request().path().startsWith(AnalyticsBridge.PATH + "/")) {
      ApiError.send(ctx, 429, message);
      return;
    }
    SignInPage.send(ctx, 429, access, next, message);
  }
}
