package dev.livelog.source.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.HostConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.ssh.LoopbackSshServer;
import dev.livelog.source.ssh.ServerProcesses;
import dev.livelog.source.ssh.SshShell;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommandSource}: a local command, standard input, and a command on an SSH host. */
class CommandSourceTest {
  @TempDir Path dir;
  private CommandSource source;

  @AfterEach
  void close() {
    if (source != null) {
      source.close();
    }
  }

  /** Reads until the source reports something other than DATA or IDLE, or 10 s passed. */
  private static String readToEnd(LineSource s, LineSource.ReadStatus[] last) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4096);
    StringBuilder out = new StringBuilder();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      b.clear();
      LineSource.ReadStatus status = s.read(b);
      out.append(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
      if (status != LineSource.ReadStatus.DATA && status != LineSource.ReadStatus.IDLE) {
        last[0] = status;
        return out.toString();
      }
      if (status == LineSource.ReadStatus.IDLE) {
        Thread.sleep(10);
      }
    }
    return out.toString();
  }

  @Test
  void aLocalCommandsOutputIsReadUntilItExits() throws Exception {
    source = CommandSource.local("c1", "printf 'a\\nb\\n'; sleep 0.2; printf 'c\\n'");
    String first = source.open(null).fileId();
    assertThat(first).startsWith("cmd-");
    LineSource.ReadStatus[] end = new LineSource.ReadStatus[1];
    assertThat(readToEnd(source, end)).isEqualTo("a\nb\nc\n");
    assertThat(end[0]).isEqualTo(LineSource.ReadStatus.ENDED);
    assertThat(source.offset()).isEqualTo(6);
  }

  @Test
  void aFailingCommandIsAnErrorWithItsStderrAndStartsAgainAsANewIdentity() throws Exception {
    Path marker = dir.resolve("runs");
    source = CommandSource.local("c2", "echo run >> '" + marker + "'; echo out; echo 'boom: no such unit' >&2; exit 3");
    String first = source.open(null).fileId();
    assertThatThrownBy(() -> readToEnd(source, new LineSource.ReadStatus[1]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with status 3")
        .hasMessageContaining("boom: no such unit");
    source.seek(0);
    assertThat(source.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    assertThat(source.follow().fileId()).isNotEqualTo(first);
    long deadline = System.currentTimeMillis() + 5_000;
    while (Files.readAllLines(marker).size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(Files.readAllLines(marker)).as("the command ran again").hasSize(2);
  }

  @Test
  void standardInputIsASourceThatEndsWithTheInput() throws Exception {
    source = CommandSource.stdin("in", new ByteArrayInputStream("x 1\nx 2\n".getBytes()));
    source.open(null);
    LineSource.ReadStatus[] end = new LineSource.ReadStatus[1];
    assertThat(readToEnd(source, end)).isEqualTo("x 1\nx 2\n");
    assertThat(end[0]).isEqualTo(LineSource.ReadStatus.ENDED);
  }

  @Test
  void readingAQuietPipeNeverBlocks() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    source = CommandSource.stdin("pipe", new PipedInputStream(writer));
    source.open(null);
    long before = System.nanoTime();
    assertThat(source.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.IDLE);
    assertThat(System.nanoTime() - before).isLessThan(Duration.ofMillis(100).toNanos());
    writer.write("late\n".getBytes());
    writer.flush();
    LineSource.ReadStatus[] end = new LineSource.ReadStatus[1];
    writer.close();
    assertThat(readToEnd(source, end)).isEqualTo("late\n");
  }

  @Test
  void aCommandOnAnSshHostStreamsAndIsEndedOnStop() throws Exception {
    KeyPair hostKey = LoopbackSshServer.newKeyPair();
    KeyPair userKey = LoopbackSshServer.newKeyPair();
    try (LoopbackSshServer server = new LoopbackSshServer(hostKey).authorize(userKey.getPublic()).start()) {
      HostConfig host = HostConfig.of("127.0.0.1", server.port(), "tester")
          .withIdentity(LoopbackSshServer.writeIdentity(dir.resolve("id"), userKey, null).toString(), null)
          .withKnownHosts(server.writeKnownHosts(dir.resolve("kh")).toString(), "strict");
      Path log = dir.resolve("journal.log");
      Files.writeString(log, "one\n");
      source = CommandSource.remote("jr", "h1", "tail -n +1 -f '" + log + "' # remote-cmd-jr",
          attempt -> SshShell.connect("h1", host, Map.of(), attempt));
      source.open(null);
      ByteBuffer b = ByteBuffer.allocate(64);
      long deadline = System.currentTimeMillis() + 10_000;
      while (b.position() < 4 && System.currentTimeMillis() < deadline) {
        source.read(b);
        Thread.sleep(10);
      }
      assertThat(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8)).isEqualTo("one\n");
      var running = ServerProcesses.matching("remote-cmd-jr");
      assertThat(running).as("the remote tail runs").isNotEmpty();
      source.close();
      assertThat(ServerProcesses.aliveAfter(running, 5_000)).as("left running after stop").isEmpty();
    }
  }
}
