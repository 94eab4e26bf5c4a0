package dev.livelog.common.config;

import java.util.List;

/**
 * Clustering over Hazelcast: TCP-IP members (default loopback only), the cluster name and
 * the port Hazelcast listens on. Used with {@code livelog run --cluster}.
 */
public record ClusterConfig(String name, List<String> members, String bind, Integer port) {

  public ClusterConfig {
    name = name == null ? "livelog" : name;
    members = members == null || members.isEmpty() ? List.of("127.0.0.1") : List.copyOf(members);
    bind = bind == null ? "127.0.0.1" : bind;
    port = port == null ? 5701 : port;
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null, null, null);
  }
}
