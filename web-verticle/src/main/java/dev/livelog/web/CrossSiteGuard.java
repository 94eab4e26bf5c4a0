package dev.livelog.web;

import dev.livelog.common.config.Loopback;
import dev.livelog.common.config.WebConfig;
import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses what other web sites could make a visitor's browser do here. A request must name,
 * in {@code Host}, a loopback name, the address the server is bound to or one of
 * {@code web.public_hosts}: a page of {@code evil.example} whose name was re-pointed to this
 * server (DNS rebinding) names {@code evil.example} and is refused. A request that carries an
 * {@code Origin} (every WebSocket, every cross-origin or non-GET request of a browser) must
 * come from the dashboard itself or one of {@code web.allowed_origins}: the SockJS bridge
 * answers cross-origin requests as a matter of course, so without this any page the operator
 * visits could stream its live data. Clients that are not browsers send no {@code Origin}.
 */
final class CrossSiteGuard implements Handler<RoutingContext> {
  private final Set<String> hosts;
  private final Set<String> origins;

  CrossSiteGuard(WebConfig web) {
    this.hosts = web.publicHosts().stream().map(CrossSiteGuard::bare)
        .collect(Collectors.toCollection(HashSet::new));
    if (!Set.of("0.0.0.0", "::", "").contains(bare(web.host()))) {
      hosts.add(bare(web.host()));
    }
    this.origins = web.allowedOrigins().stream().map(CrossSiteGuard::normalOrigin)
        .collect(Collectors.toSet());
  }

  @Override
  public void handle(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority != null && !hostAllowed(authority.host())) {
      refuse(ctx, "this server does not answer to the name '" + authority.host()
          + "'; add it to web.public_hosts");
      return;
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !originAllowed(origin, authority)) {
      refuse(ctx, "requests from pages of " + origin + " are refused; add it to"
          + " web.allowed_origins to let them in");
      return;
    }
    ctx.next();
  }

  boolean hostAllowed(String host) {
    return Loopback.is(host) || hosts.contains(bare(host));
  }

  /** The dashboard's own origin (scheme, and the {@code Host} it was reached at), or a listed one. */
  boolean originAllowed(String origin, HostAndPort authority) {
    String normal = normalOrigin(origin);
    if (normal == null) {
      return false; // "null" (sandboxed frames, file:) or garbage
    }
    if (origins.contains(normal)) {
      return true;
    }
    if (authority == null) {
      return false;
    }
    String scheme = normal.substring(0, normal.indexOf(':'));
    int port = authority.port() > 0 ? authority.port() : defaultPort(scheme);
    return normal.equals(normalOrigin(scheme + "://" + authority.host() + ":" + port));
  }

  /** {@code scheme://host[:port]} lower-cased, without a default port; null when not an origin. */
  static String normalOrigin(String origin) {
    try {
      URI uri = new URI(origin.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        return null;
      }
      int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    } catch (Exception e) {
      return null;
    }
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** A host name lower-cased, an IPv6 address without its brackets. */
  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  private static void refuse(RoutingContext ctx, String reason) {
    if (ctx.request().path().startsWith("/api/")) {
      ApiError.send(ctx, 403, reason);
      return;
    }
    ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(reason + "\n");
  }
}
