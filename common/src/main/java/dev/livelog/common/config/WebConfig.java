package dev.livelog.common.config;

/** The dashboard's HTTP server; it listens on loopback unless told otherwise. */
public record WebConfig(String host, Integer port) {

  public WebConfig {
    host = host == null ? "127.0.0.1" : host;
    port = port == null ? 8080 : port;
  }

  public static WebConfig defaults() {
    return new WebConfig(null, null);
  }
}
