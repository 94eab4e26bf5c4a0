package dev.livelog.app;

import dev.livelog.alert.AlertVerticle;
import dev.livelog.analyzer.AnalyzerVerticle;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.ParserVerticle;
import dev.livelog.parser.tail.TailVerticle;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKinds;
import dev.livelog.source.FollowedSource;
import dev.livelog.store.EventStore;
import dev.livelog.store.StoreKind;
import dev.livelog.store.StoreKinds;
import dev.livelog.store.StoreOptions;
import dev.livelog.store.StoreVerticle;
import dev.livelog.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.micrometer.core.instrument.MeterRegistry;
import dev.livelog.parser.ParseCounters;
import dev.livelog.web.ProbeVerticle;
import dev.livelog.web.Probes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
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
  private final HazelcastClusterManager cluster;
  private final String metricsRegistry;
  private final Map<String, String> environment;
  private final Map<String, FollowedSource> sources = new ConcurrentHashMap<>();
  /** Sources whose meters are registered; they read whichever verticle follows it now. */
  private final Set<String> metered = ConcurrentHashMap.newKeySet();
  private final ParseCounters parsed = new ParseCounters();
  private NodeMetrics metrics;
  private final Deque<String> deployments = new ArrayDeque<>();
  private EventStore store;
  private StoreVerticle storeVerticle;
  private WebVerticle web;
  private ProbeVerticle probeServer;
  private SourceAssignment assignment;

  private LivelogNode(Vertx vertx, LivelogConfig config, HazelcastClusterManager cluster,
      String metricsRegistry, Map<String, String> environment) {
    this.vertx = vertx;
    this.environment = environment;
    this.config = config;
    this.cluster = cluster;
    this.metricsRegistry = metricsRegistry;
  }

  public static Future<LivelogNode> start(LivelogConfig config, Set<Role> roles, boolean cluster) {
    return start(config, roles, cluster, System.getenv());
  }

  /** {@code environment}: where secrets and addresses named by the config are read. */
  public static Future<LivelogNode> start(LivelogConfig config, Set<Role> roles, boolean cluster,
      Map<String, String> environment) {
    String registry = "livelog-" + java.util.UUID.randomUUID();
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setRegistryName(registry)
        .setEnabled(true));
    String address = cluster ? config.cluster().bindAddress(environment) : null;
    HazelcastClusterManager manager = cluster ? ClusterSetup.manager(config.cluster(), address) : null;
    Future<Vertx> vertx = cluster
        ? ClusterSetup.clusteredVertx(options, config.cluster(), address, manager)
        : Future.succeededFuture(Vertx.vertx(options));
    return vertx.compose(v -> {
      LivelogNode node = new LivelogNode(v, config, manager, registry, environment);
      return node.deploy(roles).map(node).recover(e -> node.stop().transform(x -> Future.failedFuture(e)));
    });
  }

  private Future<Void> deploy(Set<Role> roles) {
    MeterRegistry registry = BackendRegistries.getNow(metricsRegistry);
    metrics = registry == null ? null : new NodeMetrics(registry);
    Probes probes = new Probes(NodeReadiness.of(vertx, this, roles), metricsRegistry);
    StoreKind storeKind = StoreKinds.of(config.storage());
    if (roles.contains(Role.ANALYZER) && vertx.isClustered() && !storeKind.sharedByNodes()) {
      LOG.warn("clustered with the {} store: each analyzer node keeps its own; with more than one"
          + " analyzer node, use a store they share ({})", storeKind.name(),
          String.join(", ", StoreKinds.sharedByNodes()));
    }
    Future<Void> chain = Future.succeededFuture();
    if (roles.contains(Role.ANALYZER)) {
      chain = chain.compose(v -> StoreKinds.open(vertx, config.storage()))
          .compose(s -> {
            store = s; // from here on, a failed start closes it
            return s.indexFields(config.filteredFields());
          })
          .compose(v -> {
            EventStore s = store;
            LOG.info("store: {}", s.describe());
            storeVerticle = new StoreVerticle(s, StoreOptions.of(config.storage()));
            if (metrics != null) {
              // Configured sources are on /metrics from the start; others (another node's
              // sources, in a cluster) from their first event.
              config.sources().forEach(source -> metrics.storing(source.id(), storeVerticle));
              storeVerticle.onNewSource(id -> metrics.storing(id, storeVerticle));
            }
            return deploy(storeVerticle);
          })
          .compose(v -> {
            AnalyzerVerticle analyzer = new AnalyzerVerticle(config, store);
            if (metrics != null) {
              metrics.analyzing(analyzer, config.periods(), config.groups().keySet());
              analyzer.onPublished(metrics.series());
            }
            return deploy(analyzer);
          })
          .compose(v -> config.alerts().isEmpty() ? Future.<Void>succeededFuture()
              : deploy(new AlertVerticle(config, store, environment)));
    }
    if (roles.contains(Role.PARSER)) {
      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      if (metrics != null) {
        config.sources().forEach(source -> metrics.parsing(source.id(), parsed));
        parsed.onNewSource(id -> metrics.parsing(id, parsed));
      }
      chain = chain.compose(v -> track(vertx.deployVerticle(() -> new ParserVerticle(config, parsed),
          new DeploymentOptions().setInstances(instances))));
      // The live tails of what this node parses (idle until a page tails).
      chain = chain.compose(v -> deploy(new TailVerticle()));
    }
    if (roles.contains(Role.WEB)) {
      chain = chain.compose(v -> {
        web = new WebVerticle(config, environment, probes);
        return deploy(web);
      });
    } else {
      // Every process answers its orchestrator's probes and serves its metrics.
      chain = chain.compose(v -> {
        probeServer = new ProbeVerticle(config.web(), probes);
        return deploy(probeServer);
      });
    }
    if (roles.contains(Role.SOURCE)) {
      List<SourceConfig> shared = new ArrayList<>();
      for (SourceConfig source : config.sources()) {
        if (vertx.isClustered() && SourceKinds.of(source).followedByOneNode(source)) {
          shared.add(source); // e.g. an SSH source: followed by exactly one node of the cluster
        } else {
          chain = chain.compose(v -> deploy(sourceVerticle(source)));
        }
      }
      if (!shared.isEmpty()) {
        assignment = new SourceAssignment(vertx, shared,
            source -> vertx.deployVerticle(sourceVerticle(source)),
            id -> undeploy(id).onComplete(done -> sources.values().removeIf(s -> id.equals(s.deploymentID()))));
        chain = chain.compose(v -> assignment.start());
      }
    }
    return chain;
  }

  private FollowedSource sourceVerticle(SourceConfig source) {
    FollowedSource verticle = FollowedSource.of(source, config.pipeline(),
        SourceContext.of(config));
    sources.put(source.id(), verticle);
    if (metrics != null && metered.add(source.id())) { // a source may come back after a move
      metrics.source(source.id(), () -> sources.get(source.id()));
    }
    return verticle;
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return track(vertx.deployVerticle(verticle));
  }

  private Future<Void> track(Future<String> deployment) {
    return deployment.onSuccess(deployments::push).mapEmpty();
  }

  private Future<Void> undeploy(String id) {
    return vertx.undeploy(id).recover(e -> {
      LOG.warn("undeploying {} failed: {}", id, e.getMessage());
      return Future.succeededFuture();
    });
  }

  /** The port the dashboard (or, without the web role, the probes) listens on. */
  public int webPort() {
    return web != null ? web.actualPort() : probeServer != null ? probeServer.actualPort() : -1;
  }

  /** Whether the dashboard is served by this process. */
  public boolean servesDashboard() {
    return web != null;
  }

  /** Whether this node is (still) a member of its cluster; true when not clustered. */
  public boolean isClusterMember() {
    return cluster == null || cluster.isActive();
  }

  /** The sources this node follows now. */
  public List<FollowedSource> sources() {
    return List.copyOf(sources.values());
  }

  /** The status of each source this node follows. */
  public List<JsonObject> sourceStatuses() {
    return sources.values().stream().map(FollowedSource::status).toList();
  }

  public Vertx vertx() {
    return vertx;
  }


  /** Whether the store refuses writes right now (they are being retried): for readiness. */
  public boolean isStoreFailing() {
    return storeVerticle != null && storeVerticle.isStoreFailing();
  }

  /** The store of the analyzer role, or null without it. */
  public EventStore store() {
    return store;
  }

  /**
   * Undeploys the sources all at once (each drains for at most 5 s, so many of them waiting
   * for an unreachable store still fit in the 10 s a SIGTERM allows), then the rest in reverse
   * start order; closes the store, then Vert.x (leaving the cluster).
   */
  public Future<Void> stop() {
    Set<String> sourceDeployments = new HashSet<>();
    sources.values().forEach(source -> sourceDeployments.add(source.deploymentID()));
    List<Future<?>> sourcesStopped = new ArrayList<>();
    sourcesStopped.add(assignment == null ? Future.succeededFuture() : assignment.stop());
    List<String> rest = new ArrayList<>();
    for (String id : deployments) {
      if (sourceDeployments.contains(id)) {
        sourcesStopped.add(undeploy(id));
      } else {
        rest.add(id);
      }
    }
    deployments.clear();
    Future<Void> chain = Future.join(sourcesStopped).mapEmpty();
    for (String id : rest) {
      chain = chain.compose(v -> undeploy(id));
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
