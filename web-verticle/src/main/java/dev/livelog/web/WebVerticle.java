package dev.livelog.web;

import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * The dashboard's HTTP server: static page and WebJar assets, the SockJS bridge that streams
 * datapoints to browsers, the small REST API and the liveness probe. Only wiring lives here;
 * each route's behaviour is in its own handler class.
 */
public class WebVerticle extends VerticleBase {
  private final LivelogConfig config;
  private HttpServer server;

  public WebVerticle(LivelogConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.web().host())
        .setPort(config.web().port());
    return vertx.createHttpServer(options)
        .requestHandler(routes())
        .listen()
        .onSuccess(listening -> server = listening);
  }

  /** The port actually bound: differs from the configured one when that is 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the web verticle is not listening yet");
    }
    return server.actualPort();
  }

  /**
   * Alive means this verticle answers HTTP. The handler answers 204 with no body while it has
   * no checks, so it gets one that always passes, to reply 200 {"status":"UP",...}.
   */
  private HealthCheckHandler liveness() {
    return HealthCheckHandler.create(vertx).register("http", promise -> promise.complete(Status.OK()));
  }

  private Router routes() {
    Router router = Router.router(vertx);
    router.route("/eventbus/*").subRouter(AnalyticsBridge.router(vertx));
    router.get("/api/config").handler(new ConfigHandler(DashboardDescription.of(config)));
    router.get("/api/history").handler(new HistoryHandler(vertx.eventBus(), config));
    router.route("/api/*").handler(new ApiNotFoundHandler());
    router.get("/health/live").handler(liveness());
    // WebJar paths carry their version, so browsers may keep them as long as they like.
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    // The page itself changes with each release: no caching, it is a few kilobytes.
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return router;
  }
}
