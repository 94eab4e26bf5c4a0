package dev.livelog.common.config;

import java.util.List;
import java.util.Map;

/**
 * Clustering over Hazelcast, for {@code livelog run --cluster}: TCP-IP {@code members}
 * (default loopback only), or Kubernetes discovery when {@code kubernetes} is set; the cluster
 * {@code name}; the address this node binds and announces ({@code bind}: an IP, or
 * {@code env:POD_IP} to read it from the environment), Hazelcast's {@code port} and the event
 * bus's {@code bus_port} (default: any free port; fix it where a firewall or a network policy
 * must name it). {@code tls}: the event bus between nodes over TLS with mutual
 * authentication, every node's certificate signed by the cluster's {@code ca}.
 * Multicast and Hazelcast's phone-home are always off.
 */
public record ClusterConfig(String name, List<String> members, String bind, Integer port,
    Integer busPort, Tls tls, KubernetesConfig kubernetes) {

  public ClusterConfig {
    name = name == null ? "livelog" : name;
    members = members == null || members.isEmpty() ? List.of("127.0.0.1") : List.copyOf(members);
    bind = bind == null ? "127.0.0.1" : bind;
    port = port == null ? 5701 : port;
    busPort = busPort == null ? 0 : busPort;
  }

  public ClusterConfig(String name, List<String> members, String bind, Integer port,
      KubernetesConfig kubernetes) {
    this(name, members, bind, port, null, null, kubernetes);
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null, null, null, null, null, null);
  }

  /**
   * PEM files for the event bus between nodes: this node's certificate and private key, and
   * the certificate of the authority that signs every node's (a process without a certificate
   * it signed can neither send to the bus nor receive from it).
   */
  public record Tls(String ca, String cert, String key) {}

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
