package dev.livelog.app;

import dev.livelog.common.cluster.Leases;
import dev.livelog.common.config.SourceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads SSH sources over the cluster's source nodes so that each remote file is followed by
 * exactly one node. Source nodes announce themselves in a shared map (renewed every second,
 * expiring after {@link Leases#TTL_MILLIS}); each source's preferred node is chosen by
 * rendezvous hashing over the live ones, so every node computes the same answer and a change
 * of membership moves only the sources it must. A source runs where its lease is held; the
 * preferred node asks for it, and a holder gives it back once the preferred node has been up
 * for a while. When a node dies its leases expire and each of its sources moves to its next
 * preferred node, which resumes from the checkpoint.
 */
final class SourceAssignment {
  private static final Logger LOG = LoggerFactory.getLogger(SourceAssignment.class);
  private static final long STABLE_MILLIS = 10_000;

  private final Vertx vertx;
  private final List<SourceConfig> sources;
  private final Function<SourceConfig, Future<String>> deploy;
  private final Function<String, Future<Void>> undeploy;
  private final Leases leases;
  private final Map<String, String> deployments = new HashMap<>();
  /** Sources draining before their lease goes to the preferred node. */
  private final Set<String> handingOver = new HashSet<>();
  private final long since = System.currentTimeMillis();
  private AsyncMap<String, Long> nodes;
  private long timer = -1;
  private boolean balancing;

  SourceAssignment(Vertx vertx, List<SourceConfig> sources,
      Function<SourceConfig, Future<String>> deploy, Function<String, Future<Void>> undeploy) {
    this.vertx = vertx;
    this.sources = sources;
    this.deploy = deploy;
    this.undeploy = undeploy;
    this.leases = new Leases(vertx);
  }

  Future<Void> start() {
    return vertx.sharedData().<String, Long>getAsyncMap("livelog.source-nodes")
        .compose(map -> {
          nodes = map;
          return nodes.put(leases.owner(), since, Leases.TTL_MILLIS);
        })
        .compose(v -> leases.start())
        .onSuccess(v -> timer = vertx.setPeriodic(1, 1_000, id -> balance()));
  }

  private void balance() {
    if (balancing) {
      return;
    }
    balancing = true;
    nodes.put(leases.owner(), since, Leases.TTL_MILLIS)
        .compose(v -> nodes.entries())
        .onSuccess(live -> {
          for (SourceConfig source : sources) {
            assign(source, live);
          }
        })
        .onComplete(done -> balancing = false);
  }

  private void assign(SourceConfig source, Map<String, Long> live) {
    String key = "source:" + source.id();
    String preferred = preferredNode(source.id(), live.keySet());
    boolean mine = leases.owner().equals(preferred);
    if (mine && !leases.wants(key)) {
      leases.want(key, gained -> changed(source, gained));
    } else if (!mine && leases.holds(key)) {
      Long preferredSince = live.get(preferred);
      if (preferredSince != null && System.currentTimeMillis() - preferredSince > STABLE_MILLIS) {
        handOver(source, key); // the preferred node has been up long enough
      }
    } else if (!mine && leases.wants(key) && !leases.holds(key)) {
      leases.unwant(key);
    }
  }

  /**
   * Stops following a source, then gives its lease back: the lease is renewed while the
   * source drains and saves its checkpoint, so the next node starts from that checkpoint and
   * never reads the host while this one still does.
   */
  private void handOver(SourceConfig source, String key) {
    if (handingOver.contains(source.id())) {
      return; // still draining
    }
    String id = deployments.remove(source.id());
    if (id == null) {
      leases.unwant(key);
      return;
    }
    handingOver.add(source.id());
    LOG.info("source {} moves to another node", source.id());
    undeploy.apply(id).onComplete(done -> {
      handingOver.remove(source.id());
      leases.unwant(key);
    });
  }

  /** Rendezvous hashing: the node whose hash with the source is highest. */
  static String preferredNode(String sourceId, Iterable<String> nodes) {
    String best = null;
    long bestScore = Long.MIN_VALUE;
    for (String node : nodes) {
      long score = mix((node + "\u0000" + sourceId).hashCode() * 0x9E3779B97F4A7C15L);
      if (best == null || score > bestScore || (score == bestScore && node.compareTo(best) < 0)) {
        best = node;
        bestScore = score;
      }
    }
    return best;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void changed(SourceConfig source, boolean gained) {
    if (gained) {
      LOG.info("following source {} on this node", source.id());
      deploy.apply(source).onSuccess(id -> deployments.put(source.id(), id))
          .onFailure(e -> LOG.warn("source {} not started: {}", source.id(), e.getMessage()));
    } else {
      String id = deployments.remove(source.id());
      if (id != null) {
        LOG.info("source {} moves to another node", source.id());
        undeploy.apply(id);
      }
    }
  }

  /** Stops the sources it runs (they drain and save their checkpoints), then gives up the leases. */
  Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    List<Future<Void>> stopping = new ArrayList<>();
    deployments.values().forEach(id -> stopping.add(undeploy.apply(id)));
    deployments.clear();
    return Future.join(stopping).<Void>mapEmpty().recover(e -> Future.succeededFuture())
        .compose(v -> leases.release())
        .compose(v -> nodes == null ? Future.<Void>succeededFuture()
            : nodes.remove(leases.owner()).<Void>mapEmpty().recover(e -> Future.succeededFuture()));
  }
}
