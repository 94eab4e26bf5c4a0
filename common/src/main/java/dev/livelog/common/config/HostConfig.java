package dev.livelog.common.config;

/**
 * A remote server reached over SSH, declared once and referenced by sources. Secrets are
 * never written here: a password or key passphrase comes from the named environment variable.
 */
public record HostConfig(
    String hostname,
    Integer port,
    String user,
    String identityFile,
    String passphraseEnv,
    String passwordEnv,
    String knownHosts,
    String hostKeyPolicy) {

  public HostConfig {
    port = port == null ? 22 : port;
    hostKeyPolicy = hostKeyPolicy == null ? "strict" : hostKeyPolicy;
  }
}
