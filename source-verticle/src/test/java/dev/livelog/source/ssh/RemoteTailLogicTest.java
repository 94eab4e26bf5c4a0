package dev.livelog.source.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.LineSource;
import dev.livelog.source.TailReader;
import dev.livelog.source.command.LocalShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote tail's logic (the {@link TailScript} program and {@link SshTailSource}'s offsets
 * and identities) run through a local {@code sh}: resume, rotation, truncation, errors. The
 * same program over real SSH is tested in {@code SshTailSourceTest}.
 */
class RemoteTailLogicTest {
  @TempDir Path dir;
  private SshTailSource source;

  @AfterEach
  void close() {
    if (source != null) {
      source.close();
    }
  }

  private SshTailSource tail(Path file, boolean fromStart) {
    source = new SshTailSource("t1", "localhost", file.toString(), fromStart,
        Duration.ofMillis(20), attempt -> new LocalShell());
    return source;
  }

  private static void append(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Test
  void startsAtTheEndOrTheStartAndReadsAppendedBytesWithOffsets() throws Exception {
    Path log = dir.resolve("a.log");
    append(log, "old\n");
    Checkpoint start = tail(log, false).open(null);
    assertThat(start.offset()).isEqualTo(4);
    assertThat(start.fileId()).isEqualTo(FileIdentity.of(log).toString());
    append(log, "new 1\nnew 2\n");
    assertThat(TailReader.readUntil(source, 12).text()).isEqualTo("new 1\nnew 2\n");
    assertThat(source.offset()).isEqualTo(16);
    assertThat(source.bytesBehind()).isZero();
    source.close();

    Checkpoint fromStart = tail(log, true).open(null);
    assertThat(fromStart.offset()).isZero();
    assertThat(TailReader.readUntil(source, 16).text()).isEqualTo("old\nnew 1\nnew 2\n");
  }

  @Test
  void resumesAtACheckpointAndSeeksBack() throws Exception {
    Path log = dir.resolve("b.log");
    append(log, "0123456789\nabcdef\n");
    String id = FileIdentity.of(log).toString();
    Checkpoint at = tail(log, false).open(new Checkpoint("t1", id, 11, 0));
    assertThat(at.fileId()).isEqualTo(id);
    assertThat(at.offset()).isEqualTo(11);
    assertThat(TailReader.readUntil(source, 7).text()).isEqualTo("abcdef\n");
    source.seek(5);
    assertThat(TailReader.readUntil(source, 13).text()).isEqualTo("56789\nabcdef\n");
    assertThat(source.offset()).isEqualTo(18);
  }

  @Test
  void rotationFinishesTheOldFileThenFollowsTheNewOneFromZero() throws Exception {
    Path log = dir.resolve("c.log");
    append(log, "1\n");
    String first = tail(log, true).open(null).fileId();
    assertThat(TailReader.readUntil(source, 2).text()).isEqualTo("1\n");
    Path rotated = dir.resolve("c.log.1");
    Files.move(log, rotated);
    append(rotated, "2\n");
    append(log, "new-1\n");
    TailReader.Result old = TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED);
    assertThat(old.text()).isEqualTo("2\n");
    assertThat(source.offset()).isEqualTo(4);
    Checkpoint next = source.follow();
    assertThat(next.fileId()).isNotEqualTo(first).isEqualTo(FileIdentity.of(log).toString());
    assertThat(next.offset()).isZero();
    assertThat(TailReader.readUntil(source, 6).text()).isEqualTo("new-1\n");
  }

  @Test
  void truncationStartsANewGenerationAtZero() throws Exception {
    Path log = dir.resolve("d.log");
    append(log, "aaaa\nbbbb\n");
    String id = tail(log, true).open(null).fileId();
    TailReader.readUntil(source, 10);
    Files.writeString(log, "c\n");
    TailReader.readUntilStatus(source, LineSource.ReadStatus.TRUNCATED);
    Checkpoint next = source.follow();
    assertThat(next.fileId()).isEqualTo(id + ".g1");
    assertThat(TailReader.readUntil(source, 2).text()).isEqualTo("c\n");
    source.close();

    Checkpoint beyondEnd = tail(log, false).open(new Checkpoint("t1", next.fileId(), 100, 0));
    assertThat(beyondEnd.fileId()).isEqualTo(id + ".g2");
    assertThat(beyondEnd.offset()).isZero();
  }

  @Test
  void aFileRotatedWhileAwayIsFoundByInodeAndFinishedFirst() throws Exception {
    Path log = dir.resolve("e.log");
    append(log, "one\ntwo\n");
    String oldId = FileIdentity.of(log).toString();
    Files.move(log, dir.resolve("e.log.1"));
    append(dir.resolve("e.log.1"), "three\n");
    append(log, "fresh\n");
    Checkpoint at = tail(log, false).open(new Checkpoint("t1", oldId, 4, 0));
    assertThat(at.fileId()).isEqualTo(oldId);
    assertThat(at.offset()).isEqualTo(4);
    TailReader.Result rest = TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED);
    assertThat(rest.text()).isEqualTo("two\nthree\n");
    assertThat(source.follow().fileId()).isEqualTo(FileIdentity.of(log).toString());
    assertThat(TailReader.readUntil(source, 6).text()).isEqualTo("fresh\n");
  }

  @Test
  void aMissingFileIsAnErrorNamingThePath() {
    Path missing = dir.resolve("missing.log");
    assertThatThrownBy(() -> tail(missing, false).open(null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no such file: " + missing);
  }
}
