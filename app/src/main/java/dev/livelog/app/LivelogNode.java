package dev.livelog.app;

import dev.livelog.analyzer.AnalyzerVerticle;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.ParserVerticle;
import dev.livelog.source.SourceVerticle;
import dev.livelog.store.EventStore;
import dev.livelog.store.EventStores;
import dev.livelog.store.StoreOptions;
import dev.livelog.store.StoreVerticle;
import dev.livelog.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One livelog process: a Vert.x instance (clustered or not) with the verticles of its roles.
 * Starts them so that every address has its consumer before anyone sends to it (store and
 * analyzer, parsers, web, then sources), and stops them in the reverse order, so sources
 * drain into a store that is still there and the store flushes before it closes.
 */
public final class LivelogNode {
  private static final Logger LOG = LoggerFactory.getLogger(LivelogNode.class);

  private final Vertx vertx;
  private final LivelogConfig config;
  private final Deque<String> deployments = new ArrayDeque<>();
  private final List<SourceVerticle> sources = new ArrayList<>();
  private EventStore store;
  private StoreVerticle storeVerticle;
  private WebVerticle web;

  private LivelogNode(Vertx vertx, LivelogConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static Future<LivelogNode> start(LivelogConfig config, Set<Role> roles, boolean cluster) {
    VertxOptions options = new VertxOptions();
    Future<Vertx> vertx = cluster
        ? ClusterSetup.clusteredVertx(options, config.cluster())
        : Future.succeededFuture(Vertx.vertx(options));
    return vertx.compose(v -> {
      LivelogNode node = new LivelogNode(v, config);
      return node.deploy(roles).map(node).recover(e -> node.stop().transform(x -> Future.failedFuture(e)));
    });
  }

  private Future<Void> deploy(Set<Role> roles) {
    Future<Void> chain = Future.succeededFuture();
    if (roles.contains(Role.ANALYZER)) {
      chain = chain.compose(v -> EventStores.open(vertx, config.storage()))
          .compose(s -> {
            store = s;
            LOG.info("store: {}", s.describe());
            storeVerticle = new StoreVerticle(s, StoreOptions.of(config.storage()));
            return deploy(storeVerticle);
          })
          .compose(v -> deploy(new AnalyzerVerticle(config, store)));
    }
    if (roles.contains(Role.PARSER)) {
      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      chain = chain.compose(v -> track(vertx.deployVerticle(() -> new ParserVerticle(config),
          new DeploymentOptions().setInstances(instances))));
    }
    if (roles.contains(Role.WEB)) {
      chain = chain.compose(v -> {
        web = new WebVerticle(config);
        return deploy(web);
      });
    }
    if (roles.contains(Role.SOURCE)) {
      for (SourceConfig source : config.sources()) {
        chain = chain.compose(v -> {
          SourceVerticle verticle = new SourceVerticle(source, config.pipeline(),
              SourceFactory.forSource(source, config));
          sources.add(verticle);
          return deploy(verticle);
        });
      }
    }
    return chain;
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return track(vertx.deployVerticle(verticle));
  }

  private Future<Void> track(Future<String> deployment) {
    return deployment.onSuccess(deployments::push).mapEmpty();
  }

  /** The port the dashboard listens on, or -1 without the web role. */
  public int webPort() {
    return web == null ? -1 : web.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The sources of the source role (for readiness: {@link SourceVerticle#isStreaming()}). */
  public List<SourceVerticle> sources() {
    return List.copyOf(sources);
  }

  /** Whether the store refuses writes right now (they are being retried): for readiness. */
  public boolean isStoreFailing() {
    return storeVerticle != null && storeVerticle.isStoreFailing();
  }

  /** The store of the analyzer role, or null without it. */
  public EventStore store() {
    return store;
  }

  /** Undeploys in reverse start order, closes the store, then Vert.x (leaving the cluster). */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    List<String> order = new ArrayList<>(deployments);
    deployments.clear();
    for (String id : order) {
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> {
        LOG.warn("undeploying {} failed: {}", id, e.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain
        .compose(v -> store == null ? Future.<Void>succeededFuture() : store.close())
        .recover(e -> {
          LOG.warn("closing the store failed: {}", e.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> vertx.close());
  }
}
