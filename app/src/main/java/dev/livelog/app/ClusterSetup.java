package dev.livelog.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.livelog.common.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A clustered Vert.x over Hazelcast, joined by TCP-IP members only: never multicast, no
 * phone-home, bound to the configured interface (loopback by default) rather than all of them.
 */
final class ClusterSetup {
  private ClusterSetup() {}

  /**
   * The Hazelcast cluster manager for the config, joined when Vert.x starts.
   *
   * @param address the address this node binds and announces
   *     ({@link ClusterConfig#bindAddress}), for Hazelcast and the event bus alike
   */
  static HazelcastClusterManager manager(ClusterConfig cluster, String address) {
    return new HazelcastClusterManager(hazelcastConfig(cluster, address));
  }

  static Future<Vertx> clusteredVertx(VertxOptions options, String address,
      HazelcastClusterManager manager) {
    options.getEventBusOptions().setHost(address).setClusterPublicHost(address).setPort(0);
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
  }

  static Config hazelcastConfig(ClusterConfig cluster, String address) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).clear().addInterface(address);
    config.getNetworkConfig().setPublicAddress(address);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    ClusterConfig.KubernetesConfig k8s = cluster.kubernetes();
    if (k8s == null) {
      join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    } else {
      join.getTcpIpConfig().setEnabled(false);
      var kubernetes = join.getKubernetesConfig().setEnabled(true);
      if (k8s.serviceDns() != null) {
        kubernetes.setProperty("service-dns", k8s.serviceDns());
      } else {
        kubernetes.setProperty("service-name", k8s.serviceName());
        if (k8s.namespace() != null) {
          kubernetes.setProperty("namespace", k8s.namespace());
        }
      }
      if (k8s.servicePort() != null) {
        kubernetes.setProperty("service-port", k8s.servicePort().toString());
      }
    }
    return config;
  }
}
