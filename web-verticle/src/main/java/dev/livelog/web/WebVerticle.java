package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.WebConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: static page and WebJar assets, the SockJS bridge that streams
 * datapoints to browsers, the small REST API, and the probes and metrics of
 * {@link ProbeRoutes}; all but the probes and metrics behind the optional {@code web.auth}. Only wiring lives here; each route's behaviour is in its own
 * handler class.
 */
public class WebVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebVerticle.class);
  private final LivelogConfig config;
  private final Map<String, String> environment;
  private final Probes probes;
  private final SourceStatusBoard sources = new SourceStatusBoard();
  private final AlertBoard alerts = new AlertBoard();
  private WebAccess access;
  private HttpServer server;

  public WebVerticle(LivelogConfig config) {
    this(config, System.getenv());
  }

  /** {@code environment} holds the secrets that {@code web.auth} names. */
  public WebVerticle(LivelogConfig config, Map<String, String> environment) {
    this(config, environment, null);
  }

  /** {@code probes}: the node's readiness checks and metrics (null: always ready, default registry). */
  public WebVerticle(LivelogConfig config, Map<String, String> environment, Probes probes) {
    this.config = config;
    this.environment = environment;
    this.probes = probes;
  }

  @Override
  public Future<?> start() {
    WebConfig web = config.web();
    web.requireAuthWhenExposed();
    if (web.auth() != null && web.auth().none()) {
      LOG.warn("web.auth is 'none': the dashboard, its API and its live data are open to anyone"
          + " who can reach {}:{}", web.host(), web.port());
    }
    access = WebAccess.of(web.auth(), environment);
    HttpServerOptions options = WebServerOptions.of(web);
    vertx.eventBus().<JsonObject>consumer(Addresses.SOURCE_STATUS,
        message -> sources.update(message.body(), System.currentTimeMillis()));
    vertx.eventBus().<JsonObject>consumer(Addresses.ALERTS,
        message -> alerts.update(message.body(), System.currentTimeMillis()));
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

  /** Where the session secret is kept without session_secret_env: the embedded store's folder. */
  private Path dataDir() {
    String dir = config.storage().text("data_dir");
    return Path.of(dir == null ? "data" : dir);
  }

  private Router routes() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    // Probes and metrics come first: they stay open to orchestrators that name the pod by
    // its address, with no credentials.
    ProbeRoutes.mount(router, vertx, probes);
    router.route().handler(new CrossSiteGuard(config.web()));
    if (access.guarded()) {
      Sessions sessions = new Sessions(SessionSecret.load(config.web().auth(), environment,
          dataDir()), access.credentials(), config.web().auth().sessionTtl());
      LoginThrottle throttle = LoginThrottle.standard();
      new SignInRoutes(access, sessions, throttle, System::currentTimeMillis).mount(router);
      router.route().handler(new AccessGuard(access, sessions, throttle, System::currentTimeMillis));
    }
    AnalyticsBridge.mount(router, vertx);
    router.get("/api/config").handler(new ConfigHandler(DashboardDescription.of(config)));
    router.get("/api/history").handler(new HistoryHandler(vertx.eventBus(), config));
    router.get("/api/query").handler(QueryHandler.datapoints(vertx.eventBus(), config));
    router.get("/api/events").handler(QueryHandler.events(vertx.eventBus(), config));
    router.get("/api/baseline").handler(QueryHandler.baseline(vertx.eventBus(), config));
    router.get("/api/sources")
        .handler(new BoardHandler(now -> new JsonObject().put("sources", sources.snapshot(now))));
    router.get("/api/deadletters").handler(new DeadLettersHandler(vertx.eventBus()));
    router.get("/api/alerts").handler(new BoardHandler(alerts::snapshot));
    TailRoutes.mount(router, vertx, config.web().tailRate());
    router.route("/api/*").handler(new ApiNotFoundHandler());
    // WebJar paths carry their version, so browsers may keep them as long as they like.
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    // The page itself changes with each release: no caching, it is a few kilobytes.
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return router;
  }
}
