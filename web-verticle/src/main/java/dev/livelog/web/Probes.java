package dev.livelog.web;

import io.vertx.ext.healthchecks.HealthChecks;

/**
 * What a process's probe routes need: its readiness checks and the name of its metrics
 * registry (each livelog node has its own, so several nodes in one JVM, as in tests, keep
 * their metrics apart).
 */
public record Probes(HealthChecks readiness, String metricsRegistry) {}
