package dev.livelog.common.config;

import java.util.List;
import java.util.Map;

/**
 * Clustering over Hazelcast, for {@code livelog run --cluster}: TCP-IP {@code members}
 * (default loopback only), or Kubernetes discovery when {@code kubernetes} is set; the cluster
 * {@code name}; the address this node binds and announces ({@code bind}: an IP, or
 * {@code env:POD_IP} to read it from the environment) and Hazelcast's {@code port}.
 * Multicast and Hazelcast's phone-home are always off.
 */
public record ClusterConfig(String name, List<String> members, String bind, Integer port,
    KubernetesConfig kubernetes) {

  public ClusterConfig {
    name = name == null ? "livelog" : name;
    members = members == null || members.isEmpty() ? List.of("127.0.0.1") : List.copyOf(members);
    bind = bind == null ? "127.0.0.1" : bind;
    port = port == null ? 5701 : port;
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null, null, null, null);
  }

  /** The address to bind, {@code env:NAME} read from the environment. */
  public String bindAddress(Map<String, String> env) {
    if (!bind.startsWith("env:")) {
      return bind;
    }
    String value = env.get(bind.substring(4));
    if (value == null || value.isBlank()) {
      throw new ConfigException("cluster.bind", "environment variable " + bind.substring(4)
          + " is not set");
    }
    return value;
  }

  /**
   * Discovery of the other members in Kubernetes: through the DNS of a headless Service
   * ({@code service_dns}), or through the Kubernetes API ({@code namespace} +
   * {@code service_name}, which needs RBAC to read endpoints).
   */
  public record KubernetesConfig(String serviceDns, String namespace, String serviceName,
      Integer servicePort) {}
}
