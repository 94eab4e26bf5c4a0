package dev.livelog.source.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Debian's OpenSSH server, started by a test with its own config and host key on a free port
 * of 127.0.0.1, letting the current user in with one key: the production server, for what only
 * it can show (how it treats a command without a terminal when the channel closes), and for
 * the chaos run, which kills it and starts it again on the same port.
 * .ci/run installs openssh-server.
 */
public final class OpenSshServer implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final Path config;
  private final int port;
  private final KeyPair hostKey;
  private Process process;

  private OpenSshServer(Path dir, Path config, int port, KeyPair hostKey) {
    this.dir = dir;
    this.config = config;
    this.port = port;
    this.hostKey = hostKey;
  }

  /** Starts sshd on a free port of 127.0.0.1 with its files in {@code dir}. */
  public static OpenSshServer start(Path dir, PublicKey authorized) throws Exception {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(SSHD + " is missing: install openssh-server"
          + " (apt-get install openssh-server; .ci/run does)");
    }
    KeyPair hostKey = LoopbackSshServer.newKeyPair();
    Path key = LoopbackSshServer.writeIdentity(dir.resolve("ssh_host_rsa_key"), hostKey, null);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path keys = dir.resolve("authorized_keys");
    Files.writeString(keys, PublicKeyEntry.toString(authorized) + "\n");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "ListenAddress 127.0.0.1", "Port " + port, "HostKey " + key,
        "AuthorizedKeysFile " + keys, "PidFile none", "StrictModes no", "UsePAM no",
        "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password", "LogLevel ERROR", ""));
    if ("root".equals(System.getProperty("user.name"))) {
      Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
    }
    OpenSshServer server = new OpenSshServer(dir, config, port, hostKey);
    server.restart();
    return server;
  }

  /** Starts sshd (again, after {@link #kill}) with the same config, port and host key. */
  public void restart() throws Exception {
    process = new ProcessBuilder(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile())).start();
    awaitListening();
  }

  /**
   * SIGKILL to sshd and to the sessions it serves, as when the server crashes: every
   * connection drops at once. The programs the sessions ran are left to notice on their own.
   */
  public void kill() throws InterruptedException {
    List<ProcessHandle> sessions = process.descendants()
        .filter(p -> p.info().command().map(c -> c.contains("sshd")).orElse(false)).toList();
    process.destroyForcibly();
    sessions.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private void awaitListening() throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("sshd did not listen within 10 s");
  }

  public int port() {
    return port;
  }

  public Path writeKnownHosts(Path file) throws IOException {
    Files.writeString(file, "[127.0.0.1]:" + port + " "
        + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
    return file;
  }

  @Override
  public void close() throws Exception {
    List<ProcessHandle> sessions = process.descendants().toList();
    process.destroy();
    sessions.forEach(ProcessHandle::destroy); // sshd leaves its sessions running when it stops
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
