package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SSH host settings: defaults, and errors that name the field. */
class HostConfigValidationTest {

  private static LivelogConfig load(String yaml) {
    LivelogConfig c = ConfigLoader.parse(yaml);
    StructureValidator.validate(c);
    return c;
  }

  @Test
  void defaultsAreTheSafeOnes() {
    HostConfig h = load("hosts:\n  web1: {hostname: web1.example.com}\n").hosts().get("web1");
    assertThat(h.port()).isEqualTo(22);
    assertThat(h.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(h.knownHosts()).isEqualTo("~/.ssh/known_hosts");
    assertThat(h.hostKeyPolicy()).isEqualTo("strict");
    assertThat(h.acceptsNewKeys()).isFalse();
    assertThat(h.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(h.keepaliveInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(h.keepaliveCountMax()).isEqualTo(3);
    assertThat(h.pollInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badSettingsNameTheirField() {
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w, host_key_policy: accept-all}\n"))
        .hasMessageContaining("hosts.w.host_key_policy").hasMessageContaining("accept-new");
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w, passphrase_env: 'my secret'}\n"))
        .hasMessageContaining("hosts.w.passphrase_env").hasMessageContaining("environment variable");
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w, keepalive_interval: 1500ms}\n"))
        .hasMessageContaining("hosts.w.keepalive_interval").hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w, connect_timeout: 10m}\n"))
        .hasMessageContaining("hosts.w.connect_timeout").hasMessageContaining("between 1s and 5m");
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w, keepalive_count_max: 0}\n"))
        .hasMessageContaining("hosts.w.keepalive_count_max");
    assertThatThrownBy(() -> load("hosts:\n  w: {port: 22}\n"))
        .hasMessageContaining("hosts.w.hostname: required");
  }
}
