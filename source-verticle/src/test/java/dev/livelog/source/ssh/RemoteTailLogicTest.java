package dev.livelog.source.ssh;

import static dev.livelog.source.TailReader.append;
import static dev.livelog.source.TailReader.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.LineSource;
import dev.livelog.source.LostFile;
import dev.livelog.source.TailReader;
import dev.livelog.source.command.LocalShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    return tail(file, fromStart, Duration.ofMillis(20));
  }

  private SshTailSource tail(Path file, boolean fromStart, Duration poll) {
    source = new SshTailSource("t1", "localhost", file.toString(), fromStart, poll,
        attempt -> new LocalShell());
    return source;
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

  @ParameterizedTest(name = "copy compressed: {0}")
  @ValueSource(booleans = {false, true})
  void copytruncateFinishesWhatWasNotReadFromTheCopy(boolean compressed) throws Exception {
    Path log = dir.resolve("t.log");
    append(log, "1 first line of this file\n2\n");
    String id = tail(log, true).open(null).fileId();
    assertThat(TailReader.readUntil(source, 28).text()).isEqualTo("1 first line of this file\n2\n");
    // Lines written just before logrotate copied the file, not read yet when it truncated it
    // (written into the copy here, so that the program cannot read them before the truncation).
    Path copy = dir.resolve("t.log.1");
    Files.copy(log, copy);
    append(copy, "3\n4\n");
    if (compressed) {
      gzip(copy);
    }
    Files.writeString(log, "");
    append(log, "5 after the truncation\n");

    TailReader.Result rest = TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED);
    assertThat(rest.text()).isEqualTo("3\n4\n");
    assertThat(source.fileId()).isEqualTo(id);
    assertThat(source.follow().fileId()).isEqualTo(id + ".g1");
    assertThat(TailReader.readUntil(source, 23).text()).isEqualTo("5 after the truncation\n");
    assertThat(source.takeLosses()).isEmpty();
  }

  @Test
  void rotationsMadeBeforeTheOldFileWasLeftAreReadBeforeThePath() throws Exception {
    Path log = dir.resolve("m.log");
    append(log, "1\n");
    tail(log, true, Duration.ofMillis(300)).open(null);
    assertThat(TailReader.readUntil(source, 2).text()).isEqualTo("1\n");
    Thread.sleep(50); // later files are written later, as a rotation period apart would be
    // Rotated twice within one poll: the program sees the second new file at the path.
    Files.move(log, dir.resolve("m.log.1"));
    append(log, "A\n");
    Files.move(dir.resolve("m.log.1"), dir.resolve("m.log.2"));
    Files.move(log, dir.resolve("m.log.1"));
    append(log, "B\n");

    assertThat(TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED).text()).isEmpty();
    source.follow();
    assertThat(TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED).text())
        .isEqualTo("A\n");
    source.follow();
    assertThat(TailReader.readUntil(source, 2).text()).isEqualTo("B\n");
    assertThat(FileIdentity.of(log).sameFile(source.fileId())).isTrue();
  }

  @Test
  void aFileTruncatedAndWrittenPastTheOffsetBetweenTwoPollsIsReadFromItsStart() throws Exception {
    Path log = dir.resolve("w.log");
    append(log, "1 the first line\n");
    String id = tail(log, true, Duration.ofMillis(500)).open(null).fileId();
    assertThat(TailReader.readUntil(source, 17).text()).isEqualTo("1 the first line\n");
    Thread.sleep(1_100); // the program checks a file's first bytes at most once a second
    Path copy = dir.resolve("w.log.1");
    Files.copy(log, copy);
    append(copy, "2\n"); // unread when truncated (written into the copy: read nowhere first)
    Files.writeString(log, "3 a longer line, written after the truncation\n");

    assertThat(TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED).text())
        .isEqualTo("2\n");
    assertThat(source.follow().fileId()).isEqualTo(id + ".g1");
    assertThat(TailReader.readUntil(source, 46).text())
        .isEqualTo("3 a longer line, written after the truncation\n");
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

  @Test
  void aCompressedRotationIsFoundByFingerprintAndFinishedFromTheOffset() throws Exception {
    Path log = dir.resolve("g.log");
    append(log, "one\ntwo\n");
    String oldId = FileIdentity.of(log).toString();
    String fingerprint = Fingerprint.of("one\n".getBytes(StandardCharsets.ISO_8859_1), 4).toString();
    append(log, "three\n");
    Files.move(log, dir.resolve("g.log.1"));
    gzip(dir.resolve("g.log.1"));
    Thread.sleep(30);
    append(dir.resolve("g.log-20261207"), "four\n"); // rotated again, later
    Thread.sleep(30);
    append(log, "fresh\n");
    Checkpoint at = tail(log, false).open(new Checkpoint("t1", oldId, 4, 0, fingerprint));
    assertThat(at.fileId()).isEqualTo(oldId);
    assertThat(at.offset()).isEqualTo(4);
    assertThat(at.fingerprint()).isEqualTo(fingerprint);
    TailReader.Result rest = TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED);
    assertThat(rest.text()).isEqualTo("two\nthree\n");
    assertThat(source.offset()).isEqualTo(14);
    String later = source.follow().fileId();
    // Its inode may be the one gzip freed: then a new generation keeps the event ids apart.
    assertThat(later).isNotEqualTo(oldId);
    assertThat(FileIdentity.of(dir.resolve("g.log-20261207")).sameFile(later)).isTrue();
    assertThat(TailReader.readUntilStatus(source, LineSource.ReadStatus.ROTATED).text())
        .isEqualTo("four\n");
    assertThat(FileIdentity.of(log).sameFile(source.follow().fileId())).isTrue();
    assertThat(TailReader.readUntil(source, 6).text()).isEqualTo("fresh\n");
    assertThat(source.takeLosses()).isEmpty();
  }

  @Test
  void aFileDeletedWhileAwayIsReportedLost() throws Exception {
    Path log = dir.resolve("h.log");
    append(log, "one\ntwo\n");
    String oldId = FileIdentity.of(log).toString();
    String fingerprint = Fingerprint.of("one\ntwo\n".getBytes(StandardCharsets.ISO_8859_1), 8).toString();
    Files.delete(log);
    append(log, "fresh\n");
    Checkpoint at = tail(log, false).open(new Checkpoint("t1", oldId, 8, 0, fingerprint));
    assertThat(at.offset()).isZero();
    assertThat(source.takeLosses()).containsExactly(new LostFile("localhost:" + log, oldId, 8));
    assertThat(TailReader.readUntil(source, 6).text()).isEqualTo("fresh\n");
  }
}
