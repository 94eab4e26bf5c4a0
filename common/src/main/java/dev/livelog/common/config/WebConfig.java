package dev.livelog.common.config;

import java.util.List;

/**
 * The dashboard's HTTP server; it listens on loopback unless told otherwise. {@code auth},
 * when set, guards the page, the REST API and the bridge (the health probes stay open); it
 * is required when {@code host} is not loopback. {@code tls} serves HTTPS. A request must
 * name a loopback host or one of {@code public_hosts} (DNS rebinding), and a browser page
 * must come from the dashboard itself or one of {@code allowed_origins}. {@code tail_rate} is
 * the most lines a second the live tail pushes to one page (it samples above that).
 */
public record WebConfig(String host, Integer port, WebAuthConfig auth, Tls tls,
    List<String> publicHosts, List<String> allowedOrigins, Integer tailRate) {

  /** Lines a second a page's live tail shows at most, unless {@code web.tail_rate} says otherwise. */
  public static final int DEFAULT_TAIL_RATE = 20;

  public WebConfig {
    host = host == null ? "127.0.0.1" : host;
    port = port == null ? 8080 : port;
    tailRate = tailRate == null ? DEFAULT_TAIL_RATE : tailRate;
    publicHosts = publicHosts == null ? List.of() : List.copyOf(publicHosts);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  public WebConfig(String host, Integer port, WebAuthConfig auth) {
    this(host, port, auth, null, null, null, null);
  }

  public WebConfig(String host, Integer port) {
    this(host, port, null);
  }

  public static WebConfig defaults() {
    return new WebConfig(null, null, null);
  }

  public WebConfig withAuth(WebAuthConfig newAuth) {
    return new WebConfig(host, port, newAuth, tls, publicHosts, allowedOrigins, tailRate);
  }

  public WebConfig withPort(int newPort) {
    return new WebConfig(host, newPort, auth, tls, publicHosts, allowedOrigins, tailRate);
  }

  public WebConfig withTls(Tls newTls) {
    return new WebConfig(host, port, auth, newTls, publicHosts, allowedOrigins, tailRate);
  }

  public WebConfig withPublicHosts(List<String> hosts, List<String> origins) {
    return new WebConfig(host, port, auth, tls, hosts, origins, tailRate);
  }

  public WebConfig withTailRate(int rate) {
    return new WebConfig(host, port, auth, tls, publicHosts, allowedOrigins, rate);
  }

  /** Whether the server listens on loopback only, so no other machine can reach it. */
  public boolean loopbackOnly() {
    return Loopback.is(host);
  }

  /**
   * Refuses to serve the dashboard beyond loopback without {@code web.auth}: anyone who can
   * reach the port would read every log line's figures, paths and hosts. {@code auth: none}
   * says it is meant.
   */
  public void requireAuthWhenExposed() {
    if (auth == null && !loopbackOnly()) {
      throw new ConfigException("web.auth", "required when web.host is '" + host
          + "' (not loopback: other machines can reach the dashboard); set token_env, or user"
          + " and password_env, or write 'auth: none' to serve it without authentication on purpose");
    }
  }

  /** PEM files: the certificate chain and its private key (PKCS#8, or PKCS#1 for RSA). */
  public record Tls(String cert, String key) {}
}
