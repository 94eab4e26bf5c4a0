package dev.livelog.app;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.Set;

/**
 * When a livelog process is ready, per its roles: the store answers (every role, over the bus,
 * as its sources and web pages need it) and accepts writes (analyzer), it is a member of the
 * cluster (clustered), and its sources are streaming (source). Each failing check says why on
 * {@code /health/ready}; error details stay behind the API's access control
 * ({@code /api/sources}), since probes are open to the orchestrator.
 */
final class NodeReadiness {
  /** A checkpoint no source has: reading it is a real, cheap round trip to the store. */
  private static final JsonObject STORE_PROBE =
      new JsonObject().put("op", "load").put("source", "livelog-readiness-probe");
  private static final long STORE_TIMEOUT_MS = 2_000;

  private NodeReadiness() {}

  static HealthChecks of(Vertx vertx, LivelogNode node, Set<Role> roles) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("process", p -> p.complete(Status.OK()));
    checks.register("store", STORE_TIMEOUT_MS + 500, p -> {
      if (roles.contains(Role.ANALYZER) && node.isStoreFailing()) {
        p.complete(Status.KO(new JsonObject().put("reason", "the store refuses writes; retrying")));
        return;
      }
      vertx.eventBus().request(Addresses.CHECKPOINTS, STORE_PROBE,
              new DeliveryOptions().setSendTimeout(STORE_TIMEOUT_MS))
          .onSuccess(reply -> p.complete(Status.OK()))
          .onFailure(e -> p.complete(Status.KO(new JsonObject()
              .put("reason", "the store does not answer: " + e.getMessage()))));
    });
    if (vertx.isClustered()) {
      checks.register("cluster", p -> p.complete(node.isClusterMember() ? Status.OK()
          : Status.KO(new JsonObject().put("reason", "not a member of the cluster"))));
    }
    if (roles.contains(Role.SOURCE)) {
      checks.register("sources", p -> {
        JsonArray notStreaming = new JsonArray();
        node.sourceStatuses().stream()
            .filter(s -> !"streaming".equals(s.getString("state")) && !"ended".equals(s.getString("state")))
            .forEach(s -> notStreaming.add(new JsonObject().put("id", s.getString("id"))
                .put("state", s.getString("state"))));
        p.complete(notStreaming.isEmpty() ? Status.OK()
            : Status.KO(new JsonObject().put("notStreaming", notStreaming)));
      });
    }
    return checks;
  }
}
