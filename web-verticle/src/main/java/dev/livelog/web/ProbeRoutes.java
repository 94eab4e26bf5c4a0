package dev.livelog.web;

import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * What every livelog process serves, whatever its roles, for its orchestrator: liveness
 * ({@code /health/live}: the process answers), readiness ({@code /health/ready}: the node's
 * checks, such as store writable, cluster joined, sources streaming; 503 with the reasons when
 * one fails) and Prometheus metrics ({@code /metrics}).
 */
public final class ProbeRoutes {
  private ProbeRoutes() {}

  /** Readiness with no checks: ready. */
  public static HealthChecks alwaysReady(Vertx vertx) {
    return HealthChecks.create(vertx).register("node", p -> p.complete(Status.OK()));
  }

  public static void mount(Router router, Vertx vertx, HealthChecks readiness) {
    // With no checks the handler answers 204 and no body: one that passes makes it 200 + JSON.
    router.get("/health/live").handler(HealthCheckHandler.create(vertx)
        .register("http", promise -> promise.complete(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
    if (BackendRegistries.getDefaultNow() != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(ctx -> ApiError.send(ctx, 404,
          "metrics are not enabled in this process"));
    }
  }
}
