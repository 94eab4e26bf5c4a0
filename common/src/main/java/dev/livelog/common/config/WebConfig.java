package dev.livelog.common.config;

/**
 * The dashboard's HTTP server; it listens on loopback unless told otherwise. {@code auth},
 * when set, guards the page, the REST API and the bridge (the health probes stay open).
 */
public record WebConfig(String host, Integer port, WebAuthConfig auth) {

  public WebConfig {
    host = host == null ? "127.0.0.1" : host;
    port = port == null ? 8080 : port;
  }

  public WebConfig(String host, Integer port) {
    this(host, port, null);
  }

  public static WebConfig defaults() {
    return new WebConfig(null, null, null);
  }

  public WebConfig withAuth(WebAuthConfig newAuth) {
    return new WebConfig(host, port, newAuth);
  }
}
