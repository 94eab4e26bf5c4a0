package dev.livelog.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole {@code livelog.yaml}: hosts, formats and sources (where lines come from and how
 * to read them), periods and plot groups (what to compute), alert rules and where to send
 * them, and how to store, serve and cluster. Absent sections take sane defaults.
 */
public record LivelogConfig(
    Map<String, HostConfig> hosts,
    Map<String, FormatConfig> formats,
    List<SourceConfig> sources,
    List<PeriodConfig> periods,
    Map<String, GroupConfig> groups,
    StorageConfig storage,
    WebConfig web,
    PipelineConfig pipeline,
    ClusterConfig cluster,
    Map<String, AlertConfig> alerts,
    @com.fasterxml.jackson.annotation.JsonProperty("notify") NotifyConfig notifications) {

  public LivelogConfig {
    hosts = hosts == null ? Map.of() : new LinkedHashMap<>(hosts);
    formats = formats == null ? Map.of() : new LinkedHashMap<>(formats);
    sources = sources == null ? List.of() : List.copyOf(sources);
    periods = periods == null || periods.isEmpty() ? PeriodConfig.defaults() : List.copyOf(periods);
    groups = groups == null ? Map.of() : new LinkedHashMap<>(groups);
    storage = storage == null ? StorageConfig.defaults() : storage;
    web = web == null ? WebConfig.defaults() : web;
    pipeline = pipeline == null ? PipelineConfig.defaults() : pipeline;
    cluster = cluster == null ? ClusterConfig.defaults() : cluster;
    alerts = alerts == null ? Map.of() : new LinkedHashMap<>(alerts);
    notifications = notifications == null ? NotifyConfig.defaults() : notifications;
  }

  /** Without alerts: the sections every config had before alert rules. */
  public LivelogConfig(Map<String, HostConfig> hosts, Map<String, FormatConfig> formats,
      List<SourceConfig> sources, List<PeriodConfig> periods, Map<String, GroupConfig> groups,
      StorageConfig storage, WebConfig web, PipelineConfig pipeline, ClusterConfig cluster) {
    this(hosts, formats, sources, periods, groups, storage, web, pipeline, cluster, null, null);
  }

  /** A config with nothing configured: every default. */
  public static LivelogConfig empty() {
    return new LivelogConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  public LivelogConfig withSources(List<SourceConfig> newSources) {
    return new LivelogConfig(hosts, formats, newSources, periods, groups, storage, web,
        pipeline, cluster, alerts, notifications);
  }

  public LivelogConfig withStorage(StorageConfig newStorage) {
    return new LivelogConfig(hosts, formats, sources, periods, groups, newStorage, web,
        pipeline, cluster, alerts, notifications);
  }

  public LivelogConfig withWeb(WebConfig newWeb) {
    return new LivelogConfig(hosts, formats, sources, periods, groups, storage, newWeb,
        pipeline, cluster, alerts, notifications);
  }

  public LivelogConfig withPeriods(List<PeriodConfig> newPeriods) {
    return new LivelogConfig(hosts, formats, sources, newPeriods, groups, storage, web,
        pipeline, cluster, alerts, notifications);
  }

  public LivelogConfig withAlerts(Map<String, AlertConfig> newAlerts, NotifyConfig newNotifications) {
    return new LivelogConfig(hosts, formats, sources, periods, groups, storage, web,
        pipeline, cluster, newAlerts, newNotifications);
  }

  /** The event fields the plot groups filter on ({@code where}), for the store's indexes. */
  public Set<String> filteredFields() {
    Set<String> fields = new TreeSet<>();
    for (GroupConfig group : groups.values()) {
      fields.addAll(group.where().keySet());
      group.analyzers().forEach(analyzer -> fields.addAll(analyzer.where().keySet()));
    }
    return fields;
  }

  /**
   * The declared host a source names.
   *
   * @throws ConfigException on {@code field} when no such host is declared, listing those that are
   */
  public HostConfig host(String field, String name) {
    HostConfig host = hosts.get(name);
    if (host == null) {
      throw new ConfigException(field, "unknown host '" + name + "'; declared hosts: "
          + (hosts.isEmpty() ? "none (add a 'hosts' section)" : String.join(", ", hosts.keySet())));
    }
    return host;
  }

  /** The period with the shortest interval (the first of equal ones). */
  public PeriodConfig shortestPeriod() {
    return periods.stream().min(java.util.Comparator.comparing(PeriodConfig::interval)).orElseThrow();
  }

  public PeriodConfig period(String name) {
    return periods.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
