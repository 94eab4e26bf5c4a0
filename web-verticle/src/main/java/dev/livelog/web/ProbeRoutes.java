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

  /**
   * One check that always passes (with no checks the handler answers 204 and no body: one that
   * passes makes it 200 + JSON).
   */
  private static HealthChecks passing(Vertx vertx, String check) {
    return HealthChecks.create(vertx).register(check, p -> p.complete(Status.OK()));
  }

  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";

  public static void mount(Router router, Vertx vertx, Probes probes) {
    HealthChecks readiness = probes == null ? passing(vertx, "node") : probes.readiness();
    String registry = probes == null ? null : probes.metricsRegistry();
    router.get(LIVE).handler(HealthCheckHandler.createWithHealthChecks(passing(vertx, "http")));
    router.get(READY).handler(HealthCheckHandler.createWithHealthChecks(readiness));
    if (registry != null && BackendRegistries.getNow(registry) != null) {
      router.get(METRICS).handler(PrometheusScrapingHandler.create(registry));
    } else if (registry == null && BackendRegistries.getDefaultNow() != null) {
      router.get(METRICS).handler(PrometheusScrapingHandler.create());
    } else {
      router.get(METRICS).handler(ctx -> ApiError.send(ctx, 404,
          "metrics are not enabled in this process"));
    }
  }
}
