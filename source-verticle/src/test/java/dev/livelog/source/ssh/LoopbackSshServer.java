package dev.livelog.source.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;

/**
 * A real SSH server on 127.0.0.1 for tests (Apache MINA SSHD): a given host key, public-key
 * login for one key (and a password, when set), exec requests run by {@code /bin/sh} as
 * OpenSSH would ({@link OpenSshLikeCommand}). It can be stopped and started again on the same
 * port with the same host key, as a rebooted server would be.
 */
public final class LoopbackSshServer implements AutoCloseable {
  private final KeyPair hostKey;
  private final Set<PublicKey> authorized = ConcurrentHashMap.newKeySet();
  private volatile String password;
  private SshServer sshd;
  private int port;

  public LoopbackSshServer(KeyPair hostKey) {
    this.hostKey = hostKey;
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public LoopbackSshServer authorize(PublicKey key) {
    authorized.add(key);
    return this;
  }

  /** Listens on this port (another server's, to play it after a reinstall). */
  public LoopbackSshServer onPort(int fixedPort) {
    this.port = fixedPort;
    return this;
  }

  public LoopbackSshServer password(String secret) {
    this.password = secret;
    return this;
  }

  /** Starts on a free port the first time, on the same port after {@link #stop()}. */
  public LoopbackSshServer start() throws IOException {
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(port);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPublickeyAuthenticator((user, key, session) ->
        authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    sshd.setPasswordAuthenticator((user, pass, session) -> pass.equals(password));
    sshd.setCommandFactory((channel, command) -> new OpenSshLikeCommand(command));
    sshd.start();
    port = sshd.getPort();
    return this;
  }

  public int port() {
    return port;
  }

  /** Stops listening and drops every connection, as a server going down would. */
  public void stop() throws IOException {
    if (sshd != null) {
      sshd.stop(true);
      sshd = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  /** The known_hosts line for this server, as ssh-keyscan would print it. */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  public Path writeKnownHosts(Path file) throws IOException {
    Files.writeString(file, knownHostsLine() + "\n");
    return file;
  }

  /** Writes a private key in OpenSSH's format, encrypted when a passphrase is given. */
  public static Path writeIdentity(Path file, KeyPair key, String passphrase) throws Exception {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setPassword(passphrase);
      encryption.setCipherName("AES");
      encryption.setCipherType("256");
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "livelog-test", encryption, out);
    }
    return file;
  }
}
