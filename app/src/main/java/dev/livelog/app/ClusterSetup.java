package dev.livelog.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.livelog.common.config.ClusterConfig;
import dev.livelog.common.config.PemFile;
import dev.livelog.common.config.Loopback;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clustered Vert.x over Hazelcast, joined by TCP-IP members only: never multicast, no
 * phone-home, bound to the configured interface (loopback by default) rather than all of them.
 * The event bus between nodes (what carries lines, events, checkpoints and datapoints) listens
 * on {@code cluster.bus_port} and, with {@code cluster.tls}, speaks TLS with mutual
 * authentication: each side presents its certificate and accepts only one signed by the
 * cluster's CA (Vert.x does not check host names on the bus: pod addresses change, the CA is
 * the cluster's own). Hazelcast's open-source edition has no TLS between members: its port is
 * for network policies to close.
 */
final class ClusterSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);

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

  /** @throws dev.livelog.common.config.ConfigException naming a cluster.tls file it cannot use */
  static Future<Vertx> clusteredVertx(VertxOptions options, ClusterConfig cluster, String address,
      HazelcastClusterManager manager) {
    EventBusOptions bus = options.getEventBusOptions()
        .setHost(address).setClusterPublicHost(address).setPort(cluster.busPort());
    if (cluster.tls() != null) {
      ClusterConfig.Tls tls = cluster.tls();
      bus.setSsl(true).setClientAuth(ClientAuth.REQUIRED)
          .setKeyCertOptions(new PemKeyCertOptions()
              .setCertValue(pem("cluster.tls.cert", tls.cert(), PemFile.CERTIFICATE))
              .setKeyValue(pem("cluster.tls.key", tls.key(), PemFile.PRIVATE_KEY)))
          .setTrustOptions(new PemTrustOptions()
              .addCertValue(pem("cluster.tls.ca", tls.ca(), PemFile.CERTIFICATE)));
    } else if (!Loopback.is(address)) {
      LOG.warn("cluster.tls is not set: the event bus on {} takes any process that reaches it"
          + " (lines, checkpoints, datapoints); set cluster.tls (README, Running as a cluster)", address);
    }
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
  }

  private static Buffer pem(String field, String file, String block) {
    return Buffer.buffer(PemFile.read(field, file, block));
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
