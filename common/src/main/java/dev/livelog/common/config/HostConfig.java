package dev.livelog.common.config;

import java.time.Duration;

/**
 * A remote server reached over SSH, declared once and referenced by sources. Secrets are
 * never written here: a password or key passphrase comes from the named environment variable.
 * Host keys are checked against {@code known_hosts} (default {@code ~/.ssh/known_hosts}):
 * {@code strict} refuses unknown keys, {@code accept-new} records them; a changed key is
 * always refused. Keepalives every {@code keepalive_interval} detect a dead peer after
 * {@code keepalive_count_max} unanswered ones; the remote tail polls the file every
 * {@code poll_interval}.
 */
public record HostConfig(
    String hostname,
    Integer port,
    String user,
    String identityFile,
    String passphraseEnv,
    String passwordEnv,
    String knownHosts,
    String hostKeyPolicy,
    Duration connectTimeout,
    Duration keepaliveInterval,
    Integer keepaliveCountMax,
    Duration pollInterval) {

  public static final String DEFAULT_KNOWN_HOSTS = "~/.ssh/known_hosts";

  public HostConfig {
    port = port == null ? 22 : port;
    user = user == null || user.isBlank() ? System.getProperty("user.name") : user;
    knownHosts = knownHosts == null || knownHosts.isBlank() ? DEFAULT_KNOWN_HOSTS : knownHosts;
    hostKeyPolicy = hostKeyPolicy == null ? "strict" : hostKeyPolicy;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    keepaliveInterval = keepaliveInterval == null ? Duration.ofSeconds(15) : keepaliveInterval;
    keepaliveCountMax = keepaliveCountMax == null ? 3 : keepaliveCountMax;
    pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
  }

  /** A host with every optional setting at its default. */
  public static HostConfig of(String hostname, int port, String user) {
    return new HostConfig(hostname, port, user, null, null, null, null, null, null, null, null,
        null);
  }

  public boolean acceptsNewKeys() {
    return "accept-new".equals(hostKeyPolicy);
  }

  public HostConfig withIdentity(String file, String passphraseEnvName) {
    return new HostConfig(hostname, port, user, file, passphraseEnvName, passwordEnv, knownHosts,
        hostKeyPolicy, connectTimeout, keepaliveInterval, keepaliveCountMax, pollInterval);
  }

  public HostConfig withPasswordEnv(String envName) {
    return new HostConfig(hostname, port, user, identityFile, passphraseEnv, envName, knownHosts,
        hostKeyPolicy, connectTimeout, keepaliveInterval, keepaliveCountMax, pollInterval);
  }

  public HostConfig withKnownHosts(String file, String policy) {
    return new HostConfig(hostname, port, user, identityFile, passphraseEnv, passwordEnv, file,
        policy, connectTimeout, keepaliveInterval, keepaliveCountMax, pollInterval);
  }

  public HostConfig withTimings(Duration connect, Duration keepalive, int countMax, Duration poll) {
    return new HostConfig(hostname, port, user, identityFile, passphraseEnv, passwordEnv,
        knownHosts, hostKeyPolicy, connect, keepalive, countMax, poll);
  }
}
