package dev.livelog.app;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.ClusterConfig;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process that joins a livelog cluster the way livelog does ({@link ClusterSetup}, with the
 * config's {@code cluster} section, TLS files included) but is no livelog node: it listens to
 * an address for a while (until {@code ENOUGH} messages came, or {@code LISTEN_MILLIS} passed)
 * and then tries to save a checkpoint, as an intruder would. It prints {@code members=N},
 * {@code received=N}, {@code firstAfterMillis=N} (-1: none came) and {@code checkpoint=saved}
 * or {@code checkpoint=failed: why}, and exits.
 *
 * <p>{@code BusProbe CONFIG ADDRESS LISTEN_MILLIS ENOUGH SOURCE_ID}
 */
public final class BusProbe {
  private BusProbe() {}

  public static void main(String[] args) throws Exception {
    int status = 0;
    try {
      probe(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // Hazelcast's threads would keep a failed probe alive
  }

  private static void probe(String[] args) throws Exception {
    Logging.configure(false);
    LivelogConfig config = ConfigLoader.load(Path.of(args[0]));
    ClusterConfig cluster = config.cluster();
    String address = cluster.bindAddress(System.getenv());
    HazelcastClusterManager manager = ClusterSetup.manager(cluster, address);
    // Joining took over a minute with three JVMs starting at once on a loaded 2-core machine.
    Vertx vertx = ClusterSetup.clusteredVertx(new VertxOptions(), cluster, address, manager)
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    System.out.println("members=" + manager.getNodes().size());
    AtomicInteger received = new AtomicInteger();
    AtomicLong first = new AtomicLong(-1);
    long listening = System.currentTimeMillis();
    vertx.eventBus().consumer(args[1], message -> {
      received.incrementAndGet();
      first.compareAndSet(-1, System.currentTimeMillis() - listening);
    }).completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    long deadline = System.currentTimeMillis() + Long.parseLong(args[2]);
    int enough = Integer.parseInt(args[3]);
    while (received.get() < enough && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    System.out.println("received=" + received.get());
    System.out.println("firstAfterMillis=" + first.get());
    String outcome;
    try {
      vertx.eventBus().request(Addresses.CHECKPOINTS,
              new Checkpoint(args[4], "probe-file", 4242, System.currentTimeMillis()).toJson().put("op", "save"),
              new DeliveryOptions().setSendTimeout(15_000))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      outcome = "saved";
    } catch (Exception e) {
      outcome = "failed: " + (e.getCause() == null ? e : e.getCause());
    }
    System.out.println("checkpoint=" + outcome);
    System.out.flush();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
