package dev.livelog.web;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;

/** A web verticle on a free loopback port with two periods and two plot groups. */
final class TestServer {
  static final String HOST = "127.0.0.1";
  static final String YAML = """
      web: {host: 127.0.0.1, port: 0}
      periods:
        - {interval: 5s, history: 12}
        - {interval: 5m, history: 10}
      groups:
        cache0:
          label: Cache status
          format: "%.1f%%"
          chart: {type: stacked, y_max: 100}
          analyzers:
            - {metric: share, by: cache_status, values: [HIT, MISS]}
        upstream:
          format: "%.2f"
          analyzers:
            - {label: average, metric: avg, field: ups_rt}
            - {label: slowest, metric: max, field: ups_rt}
      """;

  private TestServer() {}

  static LivelogConfig config() {
    return ConfigLoader.parse(YAML);
  }

  static Future<WebVerticle> deploy(Vertx vertx) {
    return deploy(vertx, config(), Map.of());
  }

  /** Deploys the server and gives a client whose requests go to it by default. */
  static Future<WebClient> client(Vertx vertx) {
    return deploy(vertx).map(web -> WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost(HOST).setDefaultPort(web.actualPort())));
  }

  static Future<WebVerticle> deploy(Vertx vertx, LivelogConfig config, Map<String, String> env) {
    WebVerticle web = new WebVerticle(config, env);
    return vertx.deployVerticle(web).map(id -> web);
  }
}
