package dev.livelog.source.ssh;

import static dev.livelog.source.TailReader.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.HostConfig;
import dev.livelog.source.LineSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshTailSource} over real SSH on loopback (a MINA SSHD server running commands with
 * /bin/sh as OpenSSH does): offsets, host keys, secrets from the environment, a server
 * restart, a frozen peer, and a clean stop that leaves nothing running on the server.
 */
class SshTailSourceTest {
  private static final KeyPair HOST_KEY = LoopbackSshServer.newKeyPair();
  private static final KeyPair USER_KEY = LoopbackSshServer.newKeyPair();

  @TempDir Path dir;
  private LoopbackSshServer server;
  private Path identity;
  private Path knownHosts;
  private SshTailSource source;

  @BeforeEach
  void startServer() throws Exception {
    server = new LoopbackSshServer(HOST_KEY).authorize(USER_KEY.getPublic()).start();
    identity = LoopbackSshServer.writeIdentity(dir.resolve("id"), USER_KEY, null);
    knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
  }

  @AfterEach
  void stop() throws Exception {
    if (source != null) {
      source.close();
    }
    server.close();
  }

  private HostConfig host(int port) {
    return HostConfig.of("127.0.0.1", port, "tester")
        .withIdentity(identity.toString(), null)
        .withKnownHosts(knownHosts.toString(), "strict")
        .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(1), 3, Duration.ofMillis(20));
  }

  private SshTailSource tail(String id, Path file, HostConfig host, Map<String, String> env) {
    source = new SshTailSource(id, "h1", file.toString(), false, host.pollInterval(),
        attempt -> SshShell.connect("h1", host, env, attempt));
    return source;
  }

  /** Reads until {@code n} bytes came, failing on an error status or after 10 s. */
  private static String read(LineSource s, int n) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4096);
    StringBuilder out = new StringBuilder();
    long deadline = System.currentTimeMillis() + 10_000;
    while (out.length() < n && System.currentTimeMillis() < deadline) {
      b.clear();
      LineSource.ReadStatus status = s.read(b);
      out.append(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
      if (status == LineSource.ReadStatus.IDLE) {
        Thread.sleep(10);
      }
    }
    return out.toString();
  }

  @Test
  void linesAppendedOnTheServerArriveAtTheirByteOffsets() throws Exception {
    Path log = dir.resolve("a.log");
    append(log, "before\n");
    Checkpoint start = tail("a", log, host(server.port()), Map.of()).open(null);
    assertThat(start.offset()).isEqualTo(7);
    append(log, "first\nsecond\n");
    assertThat(read(source, 13)).isEqualTo("first\nsecond\n");
    assertThat(source.offset()).isEqualTo(20);
    assertThat(source.host()).isEqualTo("h1");
    source.seek(13);
    assertThat(read(source, 7)).isEqualTo("second\n");
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingTheHostAndTheFingerprint() throws Exception {
    Files.delete(knownHosts);
    String fingerprint = HostKeyFingerprint.of(HOST_KEY.getPublic());
    assertThat(fingerprint).startsWith("ssh-rsa SHA256:");
    assertThatThrownBy(() -> tail("b", dir.resolve("b.log"), host(server.port()), Map.of()).open(null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unknown host key for h1 ([127.0.0.1]:" + server.port() + ")")
        .hasMessageContaining(fingerprint)
        .hasMessageContaining("host_key_policy: accept-new");
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void acceptNewRecordsTheKeyAndAChangedKeyIsAlwaysRefused() throws Exception {
    Files.delete(knownHosts);
    Path log = dir.resolve("c.log");
    append(log, "x\n");
    HostConfig acceptNew = host(server.port()).withKnownHosts(knownHosts.toString(), "accept-new");
    tail("c", log, acceptNew, Map.of()).open(null);
    source.close();
    assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port() + " ssh-rsa ");
    tail("c", log, host(server.port()), Map.of()).open(null); // strict now knows it
    source.close();

    server.stop();
    KeyPair other = LoopbackSshServer.newKeyPair();
    int port = acceptNew.port();
    // Same port, another host key: the server reinstalled, or someone in between.
    server = new LoopbackSshServer(other).authorize(USER_KEY.getPublic()).onPort(port).start();
    assertThatThrownBy(() -> tail("c", log, acceptNew, Map.of()).open(null))
        .hasMessageContaining("HOST KEY CHANGED for h1 ([127.0.0.1]:" + port + ")")
        .hasMessageContaining(HostKeyFingerprint.of(other.getPublic()))
        .hasMessageContaining(HostKeyFingerprint.sha256(
            new net.schmizz.sshj.common.Buffer.PlainBuffer().putPublicKey(HOST_KEY.getPublic()).getCompactData()));
  }

  @Test
  void secretsComeFromTheEnvironmentAndNeverAppearInErrors() throws Exception {
    Path log = dir.resolve("d.log");
    append(log, "x\n");
    Path encrypted = LoopbackSshServer.writeIdentity(dir.resolve("id_enc"), USER_KEY, "s3cret-pass");
    HostConfig withPassphrase = host(server.port()).withIdentity(encrypted.toString(), "KEY_PASS");
    assertThatThrownBy(() -> tail("d", log, withPassphrase, Map.of()).open(null))
        .hasMessageContaining("hosts.h1.passphrase_env: the environment variable KEY_PASS is not set");
    assertThat(tail("d", log, withPassphrase, Map.of("KEY_PASS", "s3cret-pass")).open(null).offset())
        .isEqualTo(2);
    source.close();

    server.password("pw-123");
    HostConfig byPassword = HostConfig.of("127.0.0.1", server.port(), "tester")
        .withKnownHosts(knownHosts.toString(), "strict").withPasswordEnv("LOG_PW");
    assertThat(tail("d", log, byPassword, Map.of("LOG_PW", "pw-123")).open(null).offset()).isEqualTo(2);
    source.close();
    assertThatThrownBy(() -> tail("d", log, byPassword, Map.of("LOG_PW", "wrong-pw")).open(null))
        .hasMessageContaining("authentication refused for user 'tester'")
        .hasMessageContaining("password from $LOG_PW")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw").doesNotContain("pw-123"));
  }

  @Test
  void stoppingEndsTheRemoteProgramAndLeavesNoProcessOnTheServer() throws Exception {
    Path log = dir.resolve("e.log");
    append(log, "x\n");
    tail("stop-check-e", log, host(server.port()), Map.of()).open(null);
    append(log, "y\n");
    assertThat(read(source, 2)).isEqualTo("y\n");
    Set<ProcessHandle> running = ServerProcesses.matching("livelog-tail stop-check-e");
    assertThat(running).as("the remote program runs while following").isNotEmpty();
    source.close();
    assertThat(ServerProcesses.aliveAfter(running, 5_000)).as("left running after stop").isEmpty();
    assertThat(ServerProcesses.matching("livelog-tail stop-check-e")).isEmpty();
  }

  @Test
  void afterTheServerRestartsSeekingResumesAtTheExactOffset() throws Exception {
    Path log = dir.resolve("f.log");
    append(log, "0\n");
    tail("f", log, host(server.port()), Map.of()).open(null);
    append(log, "1\n");
    assertThat(read(source, 2)).isEqualTo("1\n");
    server.stop();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 500; i++) {
        source.read(ByteBuffer.allocate(16));
        Thread.sleep(10);
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("h1");
    append(log, "2\n3\n");
    assertThatThrownBy(() -> source.seek(4)).hasMessageContaining("cannot connect");
    server.start();
    source.seek(4);
    assertThat(read(source, 4)).isEqualTo("2\n3\n");
    assertThat(source.offset()).isEqualTo(8);
  }

  @Test
  void aFrozenPeerIsNoticedByKeepalives() throws Exception {
    try (FreezingProxy proxy = new FreezingProxy(server.port())) {
      Files.writeString(knownHosts, "[127.0.0.1]:" + proxy.port() + " "
          + server.knownHostsLine().split(" ", 2)[1] + "\n");
      Path log = dir.resolve("g.log");
      append(log, "x\n");
      tail("g", log, host(proxy.port()), Map.of()).open(null);
      proxy.freeze();
      long frozenAt = System.currentTimeMillis();
      assertThatThrownBy(() -> {
        while (System.currentTimeMillis() - frozenAt < 15_000) {
          source.read(ByteBuffer.allocate(16));
          Thread.sleep(20);
        }
      }).isInstanceOf(IOException.class).hasMessageContaining("connection lost");
      assertThat(System.currentTimeMillis() - frozenAt).as("keepalive 1 s x 3").isLessThan(10_000);
    }
  }
}
