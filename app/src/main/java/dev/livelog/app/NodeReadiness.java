package dev.livelog.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.Set;

/**
 * When a livelog process is ready, per its roles: its store accepts writes (analyzer), it is a
 * member of the cluster (clustered), and its sources are streaming (source). Each failing
 * check says why on {@code /health/ready}.
 */
final class NodeReadiness {
  private NodeReadiness() {}

  static HealthChecks of(Vertx vertx, LivelogNode node, Set<Role> roles) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("process", p -> p.complete(Status.OK()));
    if (roles.contains(Role.ANALYZER)) {
      checks.register("store", p -> p.complete(node.isStoreFailing()
          ? Status.KO(new JsonObject().put("reason", "the store refuses writes; retrying"))
          : Status.OK()));
    }
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
                .put("state", s.getString("state")).put("lastError", s.getString("lastError"))));
        p.complete(notStreaming.isEmpty() ? Status.OK()
            : Status.KO(new JsonObject().put("notStreaming", notStreaming)));
      });
    }
    return checks;
  }
}
