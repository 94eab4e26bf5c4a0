package dev.livelog.common.config;

import dev.livelog.common.tail.TailSubscription;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need no parser or analyzer: required fields, references between sections,
 * sane numbers. What belongs to a kind is checked by the module that registers the kinds:
 * a source's own keys ({@code SourceKinds}), the store's ({@code StoreKinds}), formats and plot
 * groups.
 */
public final class StructureValidator {
  private StructureValidator() {}

  public static void validate(LivelogConfig config) {
    config.hosts().forEach((name, host) -> validateHost("hosts." + name, host));
    validateSources(config);
    validatePeriods(config);
    validateGroups(config);
    validateStorage(config.storage());
    validatePipeline(config.pipeline());
    validateCluster(config.cluster());
    validateWeb(config.web());
    AlertsValidator.validate(config);
  }

  private static void validateWeb(WebConfig web) {
    int port = web.port();
    if (port < 0 || port > 65535) {
      throw new ConfigException("web.port", "must be between 0 and 65535, got " + port);
    }
    if (web.auth() != null && !web.auth().none()) {
      validateWebAuth(web.auth());
    }
    if (web.tailRate() < 1 || web.tailRate() > TailSubscription.MAX_RATE) {
      throw new ConfigException("web.tail_rate", "must be between 1 and " + TailSubscription.MAX_RATE
          + " (lines a second the live tail shows a page at most), got " + web.tailRate());
    }
    if (web.tls() != null) {
      require("web.tls.cert", web.tls().cert());
      require("web.tls.key", web.tls().key());
    }
    for (int i = 0; i < web.publicHosts().size(); i++) {
      String host = web.publicHosts().get(i);
      if (host == null || !host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]")) {
        throw new ConfigException("web.public_hosts[" + i + "]", "a host name as browsers send it"
            + " in Host, without scheme, port or path (e.g. livelog.example.com), got '" + host + "'");
      }
    }
    for (int i = 0; i < web.allowedOrigins().size(); i++) {
      String origin = web.allowedOrigins().get(i);
      if (origin == null || !origin.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
        throw new ConfigException("web.allowed_origins[" + i + "]", "an origin: scheme, host and"
            + " optional port, no path (e.g. https://grafana.example.com), got '" + origin + "'");
      }
    }
  }

  private static void validateWebAuth(WebAuthConfig auth) {
    if (auth.passwordEnv() != null && !auth.hasUser()) {
      throw new ConfigException("web.auth.user", "required with password_env");
    }
    if (!auth.hasToken() && !auth.hasUser()) {
      throw new ConfigException("web.auth", "set token_env, or user and password_env, or both (or write 'auth: none' for none)");
    }
    if (auth.hasUser() && auth.passwordEnv() == null) {
      throw new ConfigException("web.auth.password_env", "required with user");
    }
    if (auth.hasUser() && (auth.user().isBlank() || auth.user().contains(":"))) {
      throw new ConfigException("web.auth.user", "must be non-empty and contain no ':'");
    }
    environmentName("web.auth.token_env", auth.tokenEnv());
    environmentName("web.auth.password_env", auth.passwordEnv());
    environmentName("web.auth.session_secret_env", auth.sessionSecretEnv());
    requireBetween("web.auth.session_ttl", auth.sessionTtl(), Duration.ofMinutes(1),
        Duration.ofDays(30));
  }

  static void environmentName(String field, String name) {
    if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ConfigException(field,
          "the name of an environment variable (the secret itself never goes in the file), got '"
              + name + "'");
    }
  }

  private static void validateHost(String field, HostConfig host) {
    require(field + ".hostname", host.hostname());
    if (host.port() < 1 || host.port() > 65535) {
      throw new ConfigException(field + ".port", "must be between 1 and 65535");
    }
    if (!Set.of("strict", "accept-new").contains(host.hostKeyPolicy())) {
      throw new ConfigException(field + ".host_key_policy",
          "must be 'strict' (the default) or 'accept-new', got '" + host.hostKeyPolicy() + "'");
    }
    environmentName(field + ".passphrase_env", host.passphraseEnv());
    environmentName(field + ".password_env", host.passwordEnv());
    requireBetween(field + ".connect_timeout", host.connectTimeout(), Duration.ofSeconds(1),
        Duration.ofMinutes(5));
    requireBetween(field + ".keepalive_interval", host.keepaliveInterval(), Duration.ofSeconds(1),
        Duration.ofHours(1));
    if (host.keepaliveInterval().toMillis() % 1000 != 0) {
      throw new ConfigException(field + ".keepalive_interval", "must be whole seconds, e.g. 15s");
    }
    if (host.keepaliveCountMax() < 1 || host.keepaliveCountMax() > 100) {
      throw new ConfigException(field + ".keepalive_count_max", "must be between 1 and 100");
    }
    requireBetween(field + ".poll_interval", host.pollInterval(), Duration.ofMillis(10),
        Duration.ofSeconds(10));
  }

  static void requireBetween(String field, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ConfigException(field, "must be between " + Durations.format(min) + " and "
          + Durations.format(max) + ", got " + Durations.format(value));
    }
  }

  private static void validateSources(LivelogConfig config) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < config.sources().size(); i++) {
      SourceConfig s = config.sources().get(i);
      String field = "sources[" + i + "]";
      require(field + ".id", s.id());
      if (!s.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new ConfigException(field + ".id",
            "use letters, digits, '.', '_' or '-' (it names the source in URLs and storage), got '"
                + s.id() + "'");
      }
      if (!ids.add(s.id())) {
        throw new ConfigException(field + ".id", "duplicate source id '" + s.id() + "'");
      }
      if (s.format() == null) {
        throw new ConfigException(field + ".format", "required (a format name or an inline format)");
      }
      if (!Set.of("start", "end").contains(s.from())) {
        throw new ConfigException(field + ".from", "must be 'start' or 'end', got '" + s.from() + "'");
      }
      try {
        Encodings.forName(s.encoding());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(field + ".encoding", "unknown encoding '" + s.encoding() + "'");
      }
    }
  }

  private static void validatePeriods(LivelogConfig config) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < config.periods().size(); i++) {
      PeriodConfig p = config.periods().get(i);
      String field = "periods[" + i + "]";
      if (p.interval() == null) {
        throw new ConfigException(field + ".interval", "required, e.g. 5s or 5m");
      }
      if (p.interval().compareTo(Duration.ofSeconds(1)) < 0 || p.interval().toMillis() % 1000 != 0) {
        throw new ConfigException(field + ".interval", "must be a whole number of seconds, at least 1s");
      }
      if (p.window().compareTo(p.interval()) < 0 || p.window().toMillis() % 1000 != 0) {
        throw new ConfigException(field + ".window",
            "must be whole seconds and at least the interval (" + Durations.format(p.interval()) + ")");
      }
      if (p.window().compareTo(Duration.ofDays(1)) > 0) {
        throw new ConfigException(field + ".window", "must be at most 1d");
      }
      if (p.history() < 1 || p.history() > 100_000) {
        throw new ConfigException(field + ".history", "must be between 1 and 100000");
      }
      if (!p.name().matches("[A-Za-z0-9_-]+")) {
        throw new ConfigException(field + ".name", "use letters, digits, '_' or '-', got '" + p.name() + "'");
      }
      if (!names.add(p.name())) {
        throw new ConfigException(field + ".name", "duplicate period name '" + p.name() + "'");
      }
      ChartOptions.validate(field + ".chart", p.chart(), false);
    }
  }

  private static void validateGroups(LivelogConfig config) {
    for (Map.Entry<String, GroupConfig> e : config.groups().entrySet()) {
      String field = "groups." + e.getKey();
      if (!e.getKey().matches("[A-Za-z0-9_-]+")) {
        throw new ConfigException(field, "group names use letters, digits, '_' or '-'");
      }
      if (e.getValue().analyzers().isEmpty()) {
        throw new ConfigException(field + ".analyzers", "a plot group needs at least one analyzer");
      }
      ChartOptions.validate(field + ".chart", e.getValue().chart(), true);
    }
  }

  private static void validateStorage(StorageConfig storage) {
    if (storage.retention().isNegative() || storage.retention().isZero()) {
      throw new ConfigException("storage.retention", "must be positive, e.g. 7d");
    }
  }

  private static void validateCluster(ClusterConfig c) {
    if (c.port() < 1 || c.port() > 65535) {
      throw new ConfigException("cluster.port", "must be between 1 and 65535");
    }
    if (c.busPort() < 0 || c.busPort() > 65535) {
      throw new ConfigException("cluster.bus_port", "must be between 1 and 65535, or 0 for any free port");
    }
    if (c.busPort() != 0 && c.busPort().equals(c.port())) {
      throw new ConfigException("cluster.bus_port", "must differ from cluster.port (" + c.port()
          + "), which is Hazelcast's");
    }
    if (c.tls() != null) {
      require("cluster.tls.ca", c.tls().ca());
      require("cluster.tls.cert", c.tls().cert());
      require("cluster.tls.key", c.tls().key());
    }
    ClusterConfig.KubernetesConfig k = c.kubernetes();
    if (k != null) {
      boolean dns = k.serviceDns() != null && !k.serviceDns().isBlank();
      boolean api = k.serviceName() != null && !k.serviceName().isBlank();
      if (dns == api) {
        throw new ConfigException("cluster.kubernetes",
            "set either service_dns (a headless Service) or service_name (and namespace)");
      }
    }
  }

  private static void validatePipeline(PipelineConfig p) {
    if (p.batchLines() < 1) {
      throw new ConfigException("pipeline.batch_lines", "must be at least 1");
    }
    if (p.inFlight() < 1) {
      throw new ConfigException("pipeline.in_flight", "must be at least 1");
    }
    if (p.maxLineLength() < 80) {
      throw new ConfigException("pipeline.max_line_length", "must be at least 80");
    }
    if (p.batchDelay().isNegative() || p.batchDelay().isZero()) {
      throw new ConfigException("pipeline.batch_delay", "must be positive, e.g. 100ms");
    }
    if (p.tickDelay() != null && (p.tickDelay().isNegative() || p.tickDelay().compareTo(MAX_TICK_DELAY) > 0)) {
      throw new ConfigException("pipeline.tick_delay", "must be 0 to 1m, e.g. 3s");
    }
  }

  /** Every point waits this long at most: longer would hold the live charts and alerts back. */
  private static final Duration MAX_TICK_DELAY = Duration.ofMinutes(1);

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(field, "required");
    }
  }
}
