package dev.livelog.source.file;

import static dev.livelog.source.TailReader.append;
import static dev.livelog.source.TailReader.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.FileIdentity;
import dev.livelog.source.Fingerprint;
import dev.livelog.source.LineSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTailSourceTest {
  @TempDir Path dir;

  private static String readAll(FileTailSource s) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(1024);
    StringBuilder out = new StringBuilder();
    while (s.read(b) == LineSource.ReadStatus.DATA) {
      out.append(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
      b.clear();
    }
    return out.toString();
  }

  @Test
  void startsAtTheEndOrTheStartAndResumesAtACheckpoint() throws Exception {
    Path log = dir.resolve("a.log");
    append(log, "old\n");
    FileTailSource fromEnd = new FileTailSource(log, false);
    Checkpoint start = fromEnd.open(null);
    assertThat(start.offset()).isEqualTo(4);
    append(log, "new\n");
    assertThat(readAll(fromEnd)).isEqualTo("new\n");

    FileTailSource fromStart = new FileTailSource(log, true);
    assertThat(fromStart.open(null).offset()).isZero();
    assertThat(readAll(fromStart)).isEqualTo("old\nnew\n");

    FileTailSource resumed = new FileTailSource(log, true);
    Checkpoint at = resumed.open(new Checkpoint("s", start.fileId(), 4, 0));
    assertThat(at.offset()).isEqualTo(4);
    assertThat(readAll(resumed)).isEqualTo("new\n");
  }

  @Test
  void rotationFinishesTheOldFileThenFollowsTheNewOne() throws Exception {
    Path log = dir.resolve("b.log");
    append(log, "1\n");
    FileTailSource s = new FileTailSource(log, true);
    String firstId = s.open(null).fileId();
    assertThat(readAll(s)).isEqualTo("1\n");
    append(log, "2\n");
    Files.move(log, dir.resolve("b.log.1"));
    append(dir.resolve("b.log.1"), "3\n");
    append(log, "new-1\n");
    assertThat(readAll(s)).isEqualTo("2\n3\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    Checkpoint next = s.follow();
    assertThat(next.fileId()).isNotEqualTo(firstId);
    assertThat(next.offset()).isZero();
    assertThat(readAll(s)).isEqualTo("new-1\n");
  }

  @Test
  void truncationStartsANewGenerationOfTheSameFile() throws Exception {
    Path log = dir.resolve("c.log");
    append(log, "aaaa\nbbbb\n");
    FileTailSource s = new FileTailSource(log, true);
    String id = s.open(null).fileId();
    readAll(s);
    Files.writeString(log, "c\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.TRUNCATED);
    Checkpoint next = s.follow();
    assertThat(next.fileId()).isEqualTo(id + ".g1");
    assertThat(readAll(s)).isEqualTo("c\n");

    FileTailSource restarted = new FileTailSource(log, false);
    Checkpoint beyondEnd = restarted.open(new Checkpoint("s", next.fileId(), 100, 0));
    assertThat(beyondEnd.fileId()).isEqualTo(id + ".g2");
    assertThat(beyondEnd.offset()).isZero();
  }

  @Test
  void linesWrittenIntoTheRenamedFileUntilTheServerReopensAreRead() throws Exception {
    Path log = dir.resolve("r.log");
    append(log, "1\n");
    FileTailSource s = new FileTailSource(log, true);
    s.open(null);
    assertThat(readAll(s)).isEqualTo("1\n");
    Files.move(log, dir.resolve("r.log.1"));
    append(log, "new-1\n"); // one worker reopened the log
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.IDLE);
    append(dir.resolve("r.log.1"), "2\n"); // another had not yet
    assertThat(readAll(s)).isEqualTo("2\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    s.follow();
    assertThat(readAll(s)).isEqualTo("new-1\n");
  }

  @ParameterizedTest(name = "copy compressed: {0}")
  @ValueSource(booleans = {false, true})
  void copytruncateFinishesWhatWasNotReadFromTheCopy(boolean compressed) throws Exception {
    Path log = dir.resolve("t.log");
    append(log, "1 first line of this file\n2\n");
    FileTailSource s = new FileTailSource(log, true);
    String id = s.open(null).fileId();
    assertThat(readAll(s)).isEqualTo("1 first line of this file\n2\n");
    append(log, "3\n4\n"); // not read before logrotate copies and truncates
    Files.copy(log, dir.resolve("t.log.1"));
    if (compressed) {
      gzip(dir.resolve("t.log.1"));
    }
    Files.writeString(log, "");
    append(log, "5 after the truncation\n");

    assertThat(readAll(s)).isEqualTo("3\n4\n");
    assertThat(s.fileId()).isEqualTo(id);
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    assertThat(s.follow().fileId()).isEqualTo(id + ".g1");
    assertThat(readAll(s)).isEqualTo("5 after the truncation\n");
  }

  @Test
  void rotationsMadeBeforeTheOldFileWasFinishedAreReadBeforeThePath() throws Exception {
    Path log = dir.resolve("m.log");
    append(log, "1\n");
    FileTailSource s = new FileTailSource(log, true);
    s.open(null);
    assertThat(readAll(s)).isEqualTo("1\n");
    append(log, "2\n"); // not read yet (the source waits for the store)...
    Files.move(log, dir.resolve("m.log.1"));
    append(log, "A\n"); // ...while the log is rotated twice
    Files.move(dir.resolve("m.log.1"), dir.resolve("m.log.2"));
    Files.move(log, dir.resolve("m.log.1"));
    gzip(dir.resolve("m.log.1"));
    append(log, "B\n");

    assertThat(readAll(s)).isEqualTo("2\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    s.follow();
    assertThat(readAll(s)).isEqualTo("A\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    s.follow();
    assertThat(readAll(s)).isEqualTo("B\n");
    assertThat(FileIdentity.of(log).sameFile(s.fileId())).isTrue();
  }

  @Test
  void aFileTruncatedAndWrittenPastTheOffsetWhileTheSourceWaitedIsReadFromItsStart()
      throws Exception {
    Path log = dir.resolve("w.log");
    append(log, "1 the first line\n");
    FileTailSource s = new FileTailSource(log, true);
    String id = s.open(null).fileId();
    assertThat(readAll(s)).isEqualTo("1 the first line\n");
    append(log, "2\n");
    Files.copy(log, dir.resolve("w.log.1")); // copytruncate, then more lines than were read
    Files.writeString(log, "");
    append(log, "3 a longer line, written after the truncation\n");
    Thread.sleep(100); // the source did not look meanwhile (its window was full)

    assertThat(readAll(s)).isEqualTo("2\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    assertThat(s.follow().fileId()).isEqualTo(id + ".g1");
    assertThat(readAll(s)).isEqualTo("3 a longer line, written after the truncation\n");
  }

  @Test
  void aFileRotatedTwiceWhileStoppedIsFinishedThenTheLaterRotationThenThePath() throws Exception {
    Path log = dir.resolve("d.log");
    append(log, "1\n2\n");
    FileTailSource first = new FileTailSource(log, true);
    Checkpoint start = first.open(null);
    assertThat(readAll(first)).isEqualTo("1\n2\n");
    first.close();
    Checkpoint stopped = new Checkpoint("s", start.fileId(), 4, 0, Fingerprint.of("1\n2\n".getBytes(), 4).toString());
    append(log, "3\n");
    Files.move(log, dir.resolve("d.log.2"));
    gzip(dir.resolve("d.log.2"));
    Thread.sleep(30);
    append(log, "4\n");
    Files.move(log, dir.resolve("d.log.1"));
    Thread.sleep(30);
    append(log, "5\n");

    FileTailSource s = new FileTailSource(log, false);
    Checkpoint resumed = s.open(stopped);
    assertThat(resumed.fileId()).isEqualTo(start.fileId());
    assertThat(resumed.offset()).isEqualTo(4);
    assertThat(readAll(s)).isEqualTo("3\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    assertThat(s.follow().offset()).isZero();
    assertThat(readAll(s)).isEqualTo("4\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.ROTATED);
    s.follow();
    assertThat(readAll(s)).isEqualTo("5\n");
    assertThat(s.read(ByteBuffer.allocate(16))).isEqualTo(LineSource.ReadStatus.IDLE);
    assertThat(s.takeLosses()).isEmpty();
  }
}
