package dev.livelog.source.journald;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A systemd journal a test writes entries to, and the {@code journalctl} command line that
 * reads it: {@link FakeJournal} (a script, wherever the tests run), or {@link WrittenJournal}
 * (the real journalctl, over journal files that systemd-journal-remote writes: no journald
 * needs to run; .ci/run installs it).
 */
public interface TestJournal {

  /** The source's {@code journalctl} setting: the program, reading this journal. */
  String journalctl();

  /**
   * Appends an entry of a unit, logged at {@code micros} (epoch microseconds); returns its
   * sequence number.
   */
  long write(String unit, String message, long micros) throws Exception;

  /** The journal's sequence id (the cursors' {@code s=}), once an entry was written. */
  String series() throws Exception;

  /** Which journal this is, for test names. */
  String name();

  /** The journals a test runs against: the fake, and the real journalctl. */
  static List<TestJournal> all(Path dir) throws IOException {
    return List.of(new FakeJournal(dir.resolve("fake")), new WrittenJournal(dir.resolve("real")));
  }

  /** Creates the directory a journal lives in. */
  static Path directory(Path dir) throws IOException {
    return Files.createDirectories(dir);
  }
}
