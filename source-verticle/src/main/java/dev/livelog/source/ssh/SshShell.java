package dev.livelog.source.ssh;

import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.HostConfig;
import dev.livelog.source.ConnectAttempt;
import dev.livelog.source.ExecProcess;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.SourceContext;
import java.io.IOException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One SSH connection (sshj) to a declared host: connect with a timeout, verify the host key
 * ({@link KnownHostsVerifier}), authenticate ({@link SshLogin}), and send keepalives so a dead
 * peer is noticed: after {@code keepalive_count_max} unanswered ones the connection is closed
 * and the reads on it fail. Commands run in session channels.
 */
public final class SshShell implements RemoteShell {
  static {
    // sshj would name BouncyCastle as the provider of every algorithm, so AES and HMAC ran in
    // plain Java. Registered last instead, it still supplies what the JDK lacks, while the
    // JDK's AES and SHA-2, on the CPU's instructions, carry the stream: a third more lines/s
    // over ten sessions (bench/ssh-throughput.sh).
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    SecurityUtils.setRegisterBouncyCastle(false);
    SecurityUtils.setSecurityProvider(null); // undoes a registration made before this class
  }

  private final SSHClient client;
  private final String label;

  private SshShell(SSHClient client, String label) {
    this.client = client;
    this.label = label;
  }

  /**
   * How a source reaches the declared host {@code hostName}: connects for each attempt, with
   * the secrets of the source's environment.
   */
  public static RemoteShell.Connector connector(String hostName, SourceContext context) {
    HostConfig host = context.config().host("host", hostName);
    return attempt -> connect(hostName, host, context.env(), attempt);
  }

  /**
   * Connects and authenticates.
   *
   * @param hostName the host's name in the config ({@code hosts.NAME})
   * @param env where secrets named by {@code passphrase_env} / {@code password_env} are read
   */
  public static SshShell connect(String hostName, HostConfig host, Map<String, String> env,
      ConnectAttempt attempt) throws IOException {
    String label = hostName + " (" + host.user() + "@" + host.hostname() + ":" + host.port() + ")";
    KnownHostsVerifier verifier = new KnownHostsVerifier(hostName,
        ConfigPaths.of(host.knownHosts()), host.acceptsNewKeys());
    SSHClient client = newClient(host);
    client.addHostKeyVerifier(verifier);
    attempt.holds(() -> close(client));
    try {
      client.connect(host.hostname(), host.port());
    } catch (TransportException e) {
      close(client);
      throw new IOException(verifier.refusal() != null ? verifier.refusal()
          : label + ": SSH handshake failed: " + e.getMessage(), e);
    } catch (IOException e) {
      close(client);
      throw new IOException(label + ": cannot connect: " + e.getMessage(), e);
    }
    try {
      new SshLogin(hostName, host, env).authenticate(client, label);
      // Connected: from now on keepalives, not a read timeout, tell a dead peer.
      client.getSocket().setSoTimeout(0);
    } catch (IOException | RuntimeException e) {
      close(client);
      throw e;
    }
    return new SshShell(client, label);
  }

  private static SSHClient newClient(HostConfig host) {
    DefaultConfig config = new DefaultConfig();
    config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    config.setCipherFactories(preferAesGcm(config.getCipherFactories()));
    SSHClient client = new SSHClient(config);
    int timeout = (int) host.connectTimeout().toMillis();
    client.setConnectTimeout(timeout);
    // Bounds the handshake and login: a host that accepts TCP but never speaks SSH would
    // otherwise hold the source's thread forever.
    client.setTimeout(timeout);
    client.getTransport().setTimeoutMs(timeout);
    client.getConnection().setTimeoutMs(timeout);
    // Interval and count are set before connect: sshj starts the keepalive thread on connect.
    client.getConnection().getKeepAlive()
        .setKeepAliveInterval((int) host.keepaliveInterval().toSeconds());
    ((KeepAliveRunner) client.getConnection().getKeepAlive())
        .setMaxAliveCount(host.keepaliveCountMax());
    return client;
  }

  /**
   * sshj proposes chacha20-poly1305 first, which it computes in plain Java; the JDK's AES-GCM
   * decrypts faster. The other ciphers follow, for servers without GCM.
   */
  static List<Factory.Named<Cipher>> preferAesGcm(List<Factory.Named<Cipher>> offered) {
    List<Factory.Named<Cipher>> ordered = new ArrayList<>(offered);
    ordered.sort(Comparator.comparing(cipher -> !cipher.getName().matches("aes\\d+-gcm@.*")));
    return ordered;
  }

  @Override
  public ExecProcess exec(String command) throws IOException {
    Session session = client.startSession();
    try {
      return new SshExec(session, session.exec(command));
    } catch (IOException | RuntimeException e) {
      session.close();
      throw new IOException(label + ": cannot start a command: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isOpen() {
    return client.isConnected() && client.isAuthenticated();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public void close() {
    close(client);
  }

  private static void close(SSHClient client) {
    try {
      client.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // Already disconnected.
    }
  }
}
