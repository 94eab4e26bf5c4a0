package dev.livelog.common.config;

import static dev.livelog.common.config.ValidatedYaml.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterConfigTest {
  private static ClusterConfig valid(String yaml) {
    return ValidatedYaml.valid(yaml).cluster();
  }

  @Test
  void theBusPortAndTlsAreReadAndTheBusPortIsAnyByDefault() {
    assertThat(valid("cluster: {}").busPort()).isZero();
    assertThat(valid("cluster: {}").tls()).isNull();
    ClusterConfig c = valid("""
        cluster:
          bus_port: 5710
          tls: {ca: /etc/livelog/cluster-tls/ca.crt, cert: /etc/livelog/cluster-tls/tls.crt, key: /etc/livelog/cluster-tls/tls.key}
        """);
    assertThat(c.busPort()).isEqualTo(5710);
    assertThat(c.tls()).isEqualTo(new ClusterConfig.Tls("/etc/livelog/cluster-tls/ca.crt",
        "/etc/livelog/cluster-tls/tls.crt", "/etc/livelog/cluster-tls/tls.key"));
  }

  @Test
  void errorsNameTheField() {
    rejects("cluster: {bus_port: 70000}", "cluster.bus_port", "between 1 and 65535");
    rejects("cluster: {port: 5701, bus_port: 5701}", "cluster.bus_port", "differ from cluster.port");
    rejects("cluster: {tls: {cert: /a.crt, key: /a.key}}", "cluster.tls.ca", "required");
    rejects("cluster: {tls: {ca: /ca.crt, cert: /a.crt}}", "cluster.tls.key", "required");
    rejects("cluster: {tls: {ca: /ca.crt, cert: /a.crt, key: /a.key, password: x}}", "cluster.tls.password", "unknown key");
  }
}
