package dev.livelog.source.ssh;

import static dev.livelog.source.TailReader.append;
import static dev.livelog.source.TailReader.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.HostConfig;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.LineSource;
import dev.livelog.source.command.CommandSource;
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
 * The follow program against OpenSSH's own sshd, through the account's real login shell: it
 * streams and follows a rotation, finishes a rotation compressed while livelog was stopped,
 * and stopping leaves nothing running, although sshd does not
 * signal a command without a terminal when its channel closes (the classic orphaned
 * {@code ssh host tail -f}).
 */
class OpenSshTailTest {
  private static final KeyPair USER_KEY = LoopbackSshServer.newKeyPair();

  @TempDir Path dir;
  private OpenSshServer sshd;
  private HostConfig host;
  private LineSource source;

  @BeforeEach
  void start() throws Exception {
    sshd = OpenSshServer.start(dir, USER_KEY.getPublic());
    host = HostConfig.of("127.0.0.1", sshd.port(), System.getProperty("user.name"))
        .withIdentity(LoopbackSshServer.writeIdentity(dir.resolve("id"), USER_KEY, null).toString(), null)
        .withKnownHosts(sshd.writeKnownHosts(dir.resolve("known_hosts")).toString(), "strict")
        .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() throws Exception {
    if (source != null) {
      source.close();
    }
    sshd.close();
  }

  private static String read(LineSource s, int n) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4096);
    StringBuilder out = new StringBuilder();
    long deadline = System.currentTimeMillis() + 10_000;
    while (out.length() < n && System.currentTimeMillis() < deadline) {
      b.clear();
      LineSource.ReadStatus status = s.read(b);
      out.append(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
      if (status == LineSource.ReadStatus.ROTATED) {
        out.append("<rotated>");
        s.follow();
      } else if (status == LineSource.ReadStatus.IDLE) {
        Thread.sleep(10);
      }
    }
    return out.toString();
  }

  @Test
  void followsThroughARotationAndLeavesNothingRunning() throws Exception {
    Path log = dir.resolve("access.log");
    append(log, "old\n");
    source = new SshTailSource("openssh-tail-1", "local-openssh", log.toString(), false,
        host.pollInterval(), a -> SshShell.connect("local-openssh", host, Map.of(), a));
    assertThat(source.open(null).offset()).isEqualTo(4);
    append(log, "a\n");
    assertThat(read(source, 2)).isEqualTo("a\n");
    Files.move(log, dir.resolve("access.log.1"));
    append(dir.resolve("access.log.1"), "b\n");
    append(log, "c\n");
    assertThat(read(source, 13)).isEqualTo("b\n<rotated>c\n");
    Set<ProcessHandle> running = ServerProcesses.matching("livelog-tail openssh-tail-1");
    assertThat(running).as("the program runs under sshd").isNotEmpty();
    source.close();
    assertThat(ServerProcesses.aliveAfter(running, 5_000)).as("left running after stop").isEmpty();
  }

  @Test
  void aRotationCompressedWhileStoppedIsFinishedFromTheCheckpointThenTheNewFile() throws Exception {
    Path log = dir.resolve("gz.log");
    append(log, "first\n");
    String id = FileIdentity.of(log).toString();
    String fingerprint = Fingerprint.of("first\n".getBytes(StandardCharsets.UTF_8), 6).toString();
    append(log, "unread 1\nunread 2\n"); // appended while livelog is stopped, then compressed
    Files.move(log, dir.resolve("gz.log.1"));
    gzip(dir.resolve("gz.log.1"));
    append(log, "new\n");
    source = new SshTailSource("openssh-tail-gz", "local-openssh", log.toString(), false,
        host.pollInterval(), a -> SshShell.connect("local-openssh", host, Map.of(), a));
    Checkpoint at = source.open(new Checkpoint("s", id, 6, 0, fingerprint));
    assertThat(at.fileId()).isEqualTo(id);
    assertThat(at.offset()).isEqualTo(6);
    assertThat(read(source, 31)).isEqualTo("unread 1\nunread 2\n<rotated>new\n");
    assertThat(source.takeLosses()).isEmpty();
  }

  @Test
  void aRemoteCommandsWholeProcessGroupIsEndedOnStop() throws Exception {
    Path log = dir.resolve("journal.log");
    append(log, "one\n");
    source = CommandSource.remote("openssh-cmd-1", "local-openssh",
        "tail -n +1 -f '" + log + "' | cat # openssh-cmd-marker",
        a -> SshShell.connect("local-openssh", host, Map.of(), a));
    source.open(null);
    assertThat(read(source, 4)).isEqualTo("one\n");
    Set<ProcessHandle> running = ServerProcesses.matching("openssh-cmd-marker");
    assertThat(running).as("sh, tail and cat run").hasSizeGreaterThanOrEqualTo(3);
    source.close();
    assertThat(ServerProcesses.aliveAfter(running, 5_000)).as("left running after stop").isEmpty();
  }
}
