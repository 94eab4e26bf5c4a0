package dev.livelog.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the progress line of `analyze` shows, and what it says. */
class ProgressTest {
  private static final long MIB = 1 << 20;
  private static final long SECOND = 1_000_000_000L;

  private final StringWriter text = new StringWriter();
  private final AtomicLong clock = new AtomicLong();

  private Progress progress(long total, Progress.Mode mode, boolean terminal) {
    return new Progress(new PrintWriter(text, true), total, mode, terminal, clock::get);
  }

  @Test
  void aBigFileOnATerminalIsRewrittenInPlaceAndClearedAtTheEnd() {
    Progress p = progress(100 * MIB, Progress.Mode.AUTO, true);
    clock.addAndGet(SECOND);
    p.update(50 * MIB);
    assertThat(text.toString()).startsWith("\ranalyzing: 50 of 100 MB (50%), 50 MB/s");
    p.update(60 * MIB); // within half a second: not rewritten
    assertThat(text.toString()).doesNotContain("60 of");
    p.done();
    assertThat(text.toString()).endsWith("\r");
  }

  @Test
  void autoIsQuietForSmallFilesAndWhenStderrIsNotATerminal() {
    Progress small = progress(MIB, Progress.Mode.AUTO, true);
    Progress piped = progress(100 * MIB, Progress.Mode.AUTO, false);
    Progress never = progress(100 * MIB, Progress.Mode.NEVER, true);
    clock.addAndGet(10 * SECOND);
    small.update(MIB / 2);
    piped.update(50 * MIB);
    never.update(50 * MIB);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void alwaysOffATerminalAddsALineEveryFiveSecondsAndStdinShowsBytesRead() {
    Progress p = progress(0, Progress.Mode.ALWAYS, false);
    clock.addAndGet(2 * SECOND);
    p.update(10 * MIB);
    assertThat(text.toString()).isEmpty();
    clock.addAndGet(3 * SECOND);
    p.update(40 * MIB);
    clock.addAndGet(5 * SECOND);
    p.update(90 * MIB);
    p.done();
    assertThat(text.toString().lines()).containsExactly(
        "analyzing: 40 MB read, 8 MB/s", "analyzing: 90 MB read, 9 MB/s");
  }

  @Test
  void stdinOnATerminalShowsProgressInAutoMode() {
    Progress p = progress(0, Progress.Mode.AUTO, true);
    clock.addAndGet(SECOND);
    p.update(5 * MIB);
    assertThat(text.toString()).contains("analyzing: 5 MB read");
  }
}
