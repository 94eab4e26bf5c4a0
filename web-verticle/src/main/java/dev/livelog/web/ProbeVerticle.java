package dev.livelog.web;

import dev.livelog.common.config.WebConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The HTTP server of a process without the web role: only the probes and metrics of
 * {@link ProbeRoutes}, on the configured web host and port.
 */
public final class ProbeVerticle extends VerticleBase {
  private final WebConfig web;
  private final Probes probes;
  private HttpServer server;

  public ProbeVerticle(WebConfig web, Probes probes) {
    this.web = web;
    this.probes = probes;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = WebServerOptions.of(web);
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    ProbeRoutes.mount(router, vertx, probes);
    router.route().handler(ctx -> ApiError.send(ctx, 404,
        "this livelog process serves only /health/live, /health/ready and /metrics"));
    return vertx.createHttpServer(options)
        .requestHandler(router)
        .listen()
        .onSuccess(listening -> server = listening);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
