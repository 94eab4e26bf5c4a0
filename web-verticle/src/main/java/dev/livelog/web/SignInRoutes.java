package dev.livelog.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.LongSupplier;

/**
 * Signing in and out in a browser: {@code GET /login} shows the form, {@code POST /login}
 * checks it (failures count against the address, like wrong headers do) and gives a session
 * cookie and a redirect to the page that was asked for, never elsewhere ({@link LocalPath});
 * {@code POST /logout} revokes the session and clears the cookie. They come before
 * {@link AccessGuard}, which would refuse them.
 */
final class SignInRoutes {
  /** A form of a user, a password and a token: a few hundred bytes. */
  static final long MAX_FORM = 4 * 1024;

  private final WebAccess access;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final LongSupplier clock;

  SignInRoutes(WebAccess access, Sessions sessions, LoginThrottle throttle, LongSupplier clock) {
    this.access = access;
    this.sessions = sessions;
    this.throttle = throttle;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/login").handler(this::page);
    router.post("/login").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM)).handler(this::signIn);
    router.post("/logout").handler(this::signOut);
  }

  private void page(RoutingContext ctx) {
    String next = LocalPath.of(ctx.request().getParam("next"));
    if (sessions.verify(SessionCookie.value(ctx.request()), clock.getAsLong()) != null) {
      ctx.redirect(next);
      return;
    }
    SignInPage.send(ctx, 200, access, next, null);
  }

  private void signIn(RoutingContext ctx) {
    long now = clock.getAsLong();
    MultiMap form = ctx.request().formAttributes();
    String next = LocalPath.of(form.get("next"));
    String address = AccessGuard.address(ctx.request());
    long wait = throttle.retryAfterSeconds(address, now);
    if (wait > 0) {
      AccessGuard.tooManyFailures(ctx, access, wait, next);
      return;
    }
    String token = form.get("token");
    String user = token != null && !token.isEmpty() ? access.userOfToken(token)
        : access.userOfPassword(form.get("user"), form.get("password"));
    if (user == null) {
      throttle.failed(address, now);
      SignInPage.send(ctx, 401, access, next, "Those credentials are not right.");
      return;
    }
    throttle.succeeded(address);
    SessionCookie.set(ctx, sessions.issue(user, now), sessions.ttl());
    ctx.response().setStatusCode(303).putHeader("Location", next).end();
  }

  private void signOut(RoutingContext ctx) {
    long now = clock.getAsLong();
    Sessions.Session session = sessions.verify(SessionCookie.value(ctx.request()), now);
    if (session != null) {
      sessions.revoke(session, now);
    }
    SessionCookie.clear(ctx);
    ctx.response().setStatusCode(303).putHeader("Location", "/login").end();
  }
}
