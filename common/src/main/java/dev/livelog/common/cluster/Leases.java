package dev.livelog.common.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide leases: for each key at most one holder, over the cluster's shared map (a
 * Hazelcast map when clustered, a local one otherwise). A holder renews its leases every
 * second; a lease not renewed for {@link #TTL_MILLIS} (the holder died or hangs) expires, and a
 * node that wants the key takes it over. Stopping releases the leases at once, so a graceful
 * shutdown fails over without waiting. Used on one Vert.x context.
 */
public final class Leases {
  public static final long TTL_MILLIS = 5_000;
  private static final long RENEW_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  private final Vertx vertx;
  private final String owner = UUID.randomUUID().toString();
  private final Map<String, Consumer<Boolean>> wanted = new LinkedHashMap<>();
  private final Set<String> held = new HashSet<>();
  private AsyncMap<String, String> map;
  private long timer = -1;
  private boolean renewing;

  public Leases(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts taking and renewing the wanted leases; {@code onChange} hears gains (true) and losses. */
  public Future<Void> start() {
    return vertx.sharedData().<String, String>getAsyncMap("livelog.leases").map(m -> {
      map = m;
      timer = vertx.setPeriodic(1, RENEW_MILLIS, id -> renew());
      return null;
    });
  }

  /** Asks for a lease, now and whenever it becomes free. */
  public void want(String key, Consumer<Boolean> onChange) {
    wanted.put(key, onChange);
  }

  public boolean holds(String key) {
    return held.contains(key);
  }

  public Set<String> held() {
    return Set.copyOf(held);
  }

  private void renew() {
    if (renewing || map == null) {
      return;
    }
    renewing = true;
    List<Future<?>> all = new ArrayList<>();
    for (String key : List.copyOf(wanted.keySet())) {
      all.add(held.contains(key) ? keep(key) : take(key));
    }
    Future.join(all).onComplete(done -> renewing = false);
  }

  private Future<?> take(String key) {
    return map.putIfAbsent(key, owner, TTL_MILLIS).onSuccess(current -> {
      if (current == null || current.equals(owner)) {
        changed(key, true);
      }
    });
  }

  private Future<?> keep(String key) {
    return map.get(key).compose(current -> {
      if (owner.equals(current)) {
        return map.put(key, owner, TTL_MILLIS);
      }
      changed(key, false); // expired (we stalled) and someone else took it
      return Future.succeededFuture();
    }).onFailure(e -> LOG.warn("lease {} not renewed: {}", key, e.getMessage()));
  }

  private void changed(String key, boolean gained) {
    if (gained ? held.add(key) : held.remove(key)) {
      LOG.info("{} lease {}", gained ? "took" : "lost", key);
      Consumer<Boolean> listener = wanted.get(key);
      if (listener != null) {
        listener.accept(gained);
      }
    }
  }

  /** Stops renewing and gives back every lease held, so another node takes over at once. */
  public Future<Void> release() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    wanted.clear();
    List<Future<?>> all = new ArrayList<>();
    for (String key : held) {
      all.add(map.removeIfPresent(key, owner));
    }
    held.clear();
    return Future.join(all).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }
}
