package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.SourceConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rendezvous hashing spreads the sources, and two assignments sharing one lease map (as two
 * source nodes share the cluster's) hand sources over without ever following one twice: a
 * source that moves drains on its old node before the new one starts it.
 */
class SourceAssignmentTest {
  private static final List<String> SOURCES = IntStream.range(0, 60).mapToObj(i -> "host-" + i).toList();

  private static Map<String, String> assign(List<String> nodes) {
    Map<String, String> owner = new HashMap<>();
    SOURCES.forEach(s -> owner.put(s, SourceAssignment.preferredNode(s, nodes)));
    return owner;
  }

  @Test
  void everyNodeComputesTheSameSpreadAndALostNodeMovesOnlyItsSources() {
    List<String> three = List.of("node-a", "node-b", "node-c");
    Map<String, String> before = assign(three);
    assertThat(assign(List.of("node-c", "node-a", "node-b"))).isEqualTo(before); // order-free
    Map<String, Long> perNode = new HashMap<>();
    before.values().forEach(n -> perNode.merge(n, 1L, Long::sum));
    assertThat(perNode.values()).allMatch(n -> n >= 10 && n <= 30); // roughly even
    Map<String, String> after = assign(List.of("node-a", "node-c"));
    SOURCES.forEach(s -> {
      if (!before.get(s).equals("node-b")) {
        assertThat(after.get(s)).as(s + " stays where it was").isEqualTo(before.get(s));
      } else {
        assertThat(after.get(s)).isIn("node-a", "node-c");
      }
    });
  }

  @Test
  void aSecondNodeTakesItsShareAfterTheFirstDrainsAndTakesAllBackWhenTheFirstStops() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<SourceConfig> sources = IntStream.range(0, 12)
        .mapToObj(i -> SourceConfig.file("host-" + i, "/var/log/x", "combined", "end")).toList();
    Map<String, Set<String>> following = new ConcurrentHashMap<>();
    List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    try {
      Context contextA = vertx.getOrCreateContext();
      Context contextB = vertx.getOrCreateContext();
      SourceAssignment a = new SourceAssignment(vertx, sources, deployOn("a", following, overlaps),
          draining(vertx, following));
      SourceAssignment b = new SourceAssignment(vertx, sources, deployOn("b", following, overlaps),
          draining(vertx, following));
      on(contextA, a::start);
      awaitThat("node a follows every source", 10_000, () -> followedBy(following, "a") == 12);

      on(contextB, b::start);
      // b asks for its share; a gives each source back once b has been up for 10 s.
      awaitThat("both nodes follow a share, each source once", 30_000,
          () -> followedBy(following, "a") > 0 && followedBy(following, "b") > 0
              && following.values().stream().mapToInt(Set::size).sum() == 12);
      assertThat(overlaps).as("sources followed by two nodes at once").isEmpty();

      on(contextA, a::stop); // a graceful stop gives its leases back at once
      awaitThat("node b follows every source", 15_000, () -> followedBy(following, "b") == 12);
      assertThat(overlaps).isEmpty();
      on(contextB, b::stop);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** A stand-in for deploying a source verticle that notes which node follows it. */
  private static java.util.function.Function<SourceConfig, Future<String>> deployOn(String node,
      Map<String, Set<String>> following, List<String> overlaps) {
    return source -> {
      Set<String> nodes = following.computeIfAbsent(source.id(), id -> ConcurrentHashMap.newKeySet());
      if (!nodes.isEmpty()) {
        overlaps.add(source.id() + " started on " + node + " while followed by " + nodes);
      }
      nodes.add(node);
      return Future.succeededFuture(node + "/" + source.id());
    };
  }

  /** Undeploying takes a second, as a source drains its in-flight batches. */
  private static java.util.function.Function<String, Future<Void>> draining(Vertx vertx,
      Map<String, Set<String>> following) {
    return deployment -> vertx.timer(1_000).map(v -> {
      String[] nodeAndSource = deployment.split("/", 2);
      following.get(nodeAndSource[1]).remove(nodeAndSource[0]);
      return null;
    });
  }

  private static long followedBy(Map<String, Set<String>> following, String node) {
    return following.values().stream().filter(nodes -> nodes.contains(node)).count();
  }

  private static void on(Context context, Supplier<Future<Void>> action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> action.get().onComplete(r -> {
      if (r.succeeded()) {
        done.complete(null);
      } else {
        done.completeExceptionally(r.cause());
      }
    }));
    done.get(20, TimeUnit.SECONDS);
  }

  private static void awaitThat(String what, long millis, Supplier<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within " + millis + " ms: " + what);
      }
      Thread.sleep(50);
    }
  }
}
