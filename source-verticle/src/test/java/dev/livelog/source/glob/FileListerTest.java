package dev.livelog.source.glob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.HostConfig;
import dev.livelog.source.ssh.LoopbackSshServer;
import dev.livelog.source.ssh.OpenSshServer;
import dev.livelog.source.ssh.SshShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are listed alike here and on a host (MINA and OpenSSH's sshd on loopback): regular
 * files and links to regular files (kubelet's {@code /var/log/containers}), not links to
 * directories nor broken links, down to the pattern's depth; a missing base lists nothing.
 */
class FileListerTest {
  private static final KeyPair HOST_KEY = LoopbackSshServer.newKeyPair();
  private static final KeyPair USER_KEY = LoopbackSshServer.newKeyPair();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"local", "mina", "openssh"})
  void regularFilesAndLinksToThemDownToTheDepth(String where) throws Exception {
    Path pods = Files.createDirectories(dir.resolve("pods/ns_web-1_uid/nginx"));
    Path target = Files.writeString(pods.resolve("0.log"), "x\n");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("a.log"), "a\n");
    Files.createSymbolicLink(logs.resolve("web-1_ns_nginx-abc.log"), target);
    Files.createSymbolicLink(logs.resolve("pods"), dir.resolve("pods")); // a directory: not walked
    Files.createSymbolicLink(logs.resolve("broken.log"), dir.resolve("gone.log"));
    Files.writeString(Files.createDirectories(logs.resolve("sub/deeper")).resolve("d.log"), "d\n");

    try (Lister lister = lister(where)) {
      assertThat(lister.files.list(logs.toString(), 1)).containsExactlyInAnyOrder(
          logs + "/a.log", logs + "/web-1_ns_nginx-abc.log");
      assertThat(lister.files.list(logs.toString(), Integer.MAX_VALUE)).containsExactlyInAnyOrder(
          logs + "/a.log", logs + "/web-1_ns_nginx-abc.log", logs + "/sub/deeper/d.log");
      assertThat(lister.files.list(dir.resolve("nothing-here").toString(), 1)).isEmpty();
      assertThat(lister.files.list(logs.toString(), Integer.MAX_VALUE, p -> p.endsWith("/d.log")))
          .as("only wanted files are kept").containsExactly(logs + "/sub/deeper/d.log");
    }
  }

  /** A lister and the server it lists through, closed together. */
  private record Lister(FileLister files, AutoCloseable server) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      files.close();
      if (server != null) {
        server.close();
      }
    }
  }

  private Lister lister(String where) throws Exception {
    Path identity = LoopbackSshServer.writeIdentity(dir.resolve("id"), USER_KEY, null);
    return switch (where) {
      case "local" -> new Lister(new LocalFiles(), null);
      case "mina" -> {
        LoopbackSshServer mina = new LoopbackSshServer(HOST_KEY).authorize(USER_KEY.getPublic())
            .start();
        HostConfig host = host(mina.port(), "tester", identity,
            mina.writeKnownHosts(dir.resolve("known_hosts")));
        yield new Lister(remote(host), mina);
      }
      default -> {
        OpenSshServer sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")), USER_KEY.getPublic());
        HostConfig host = host(sshd.port(), System.getProperty("user.name"), identity,
            sshd.writeKnownHosts(dir.resolve("known_hosts")));
        yield new Lister(remote(host), sshd);
      }
    };
  }

  private static HostConfig host(int port, String user, Path identity, Path knownHosts) {
    return HostConfig.of("127.0.0.1", port, user).withIdentity(identity.toString(), null)
        .withKnownHosts(knownHosts.toString(), "strict")
        .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofMillis(20));
  }

  private static RemoteFiles remote(HostConfig host) {
    return new RemoteFiles(attempt -> SshShell.connect("h1", host, Map.of(), attempt));
  }
}
