package dev.livelog.source.journald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.HostConfig;
import dev.livelog.source.CommandRunner;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.command.LocalProcess;
import dev.livelog.source.command.RemoteCommands;
import dev.livelog.source.journald.JournalLines.Line;
import dev.livelog.source.ssh.LoopbackSshServer;
import dev.livelog.source.ssh.ServerProcesses;
import dev.livelog.source.ssh.SshShell;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JournaldSource} on a journal the test writes: the fake journalctl everywhere, and the
 * real journalctl where systemd-journal-remote can write its files. Entries come as lines at
 * their sequence numbers with the journal's time; a restart from a stored position reads
 * exactly what was not stored, whichever entry the position falls on.
 */
class JournaldSourceTest {
  private static final long T0 = 1_765_000_000_000_000L;

  @TempDir static Path journals;
  @TempDir Path dir;
  private final List<LineSource> opened = new ArrayList<>();

  static Stream<TestJournal> journals() throws IOException {
    return TestJournal.all(journals.resolve("j" + System.nanoTime())).stream();
  }

  @AfterEach
  void close() {
    opened.forEach(LineSource::close);
  }

  private JournaldSource source(TestJournal journal, String unit, boolean fromStart) {
    return source(journal.journalctl(), unit, fromStart, LocalProcess::start);
  }

  private JournaldSource source(String program, String unit, boolean fromStart,
      CommandRunner runner) {
    JournaldSource s = new JournaldSource("localhost", new Journalctl(program, unit, List.of()),
        runner, fromStart, "MESSAGE", StandardCharsets.UTF_8, 64 * 1024);
    opened.add(s);
    return s;
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(Line::text).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journals")
  void entriesAreLinesAtTheirSequenceNumbersWithTheJournalsTime(TestJournal journal)
      throws Exception {
    long a = journal.write("nginx.service", "GET /a 200", T0);
    long other = journal.write("cron.service", "(root) CMD (backup)", T0 + 500_000);
    long b = journal.write("nginx.service", "GET \"/b\" 404", T0 + 1_000_000);
    JournalLines read = new JournalLines(source(journal, "nginx.service", true), null);
    List<Line> lines = read.until(2);
    assertThat(texts(lines)).containsExactly("GET /a 200", "GET \"/b\" 404");
    assertThat(lines).extracting(Line::offset).containsExactly(a, b);
    assertThat(lines).extracting(Line::next).containsExactly(a + 1, b + 1);
    assertThat(other).isBetween(a + 1, b - 1);
    assertThat(lines).extracting(Line::time).containsExactly(T0 / 1000, T0 / 1000 + 1000);
    assertThat(lines).extracting(Line::fileId).containsOnly("journal-" + journal.series());

    long c = journal.write("nginx.service", "GET /c 200", T0 + 2_000_000);
    assertThat(texts(read.until(3))).as("followed").endsWith("GET /c 200");
    assertThat(read.until(3).get(2).offset()).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journals")
  void aRestartReadsExactlyWhatWasNotStoredWhereverThePositionFalls(TestJournal journal)
      throws Exception {
    long one = journal.write("nginx.service", "one", T0);
    long skipped = journal.write("cron.service", "not nginx", T0 + 1);
    long two = journal.write("nginx.service", "two", T0 + 2);
    long three = journal.write("nginx.service", "three", T0 + 3);
    JournalLines first = new JournalLines(source(journal, "nginx.service", true), null);
    assertThat(texts(first.until(3))).containsExactly("one", "two", "three");
    String fileId = first.fileId();

    // Stored up to "one" inclusive: a batch ending before "two" ends at two's number, or at
    // the number after "one" (the cron entry's, which the unit leaves out); both resume at "two".
    for (long position : new long[] {one + 1, skipped, two}) {
      JournalLines again = new JournalLines(source(journal, "nginx.service", false),
          new Checkpoint("s", fileId, position, 0));
      assertThat(texts(again.until(2))).as("resumed at %d", position).containsExactly("two", "three");
      assertThat(texts(again.quietFor(300))).as("nothing twice").hasSize(2);
    }
    JournalLines atEnd = new JournalLines(source(journal, "nginx.service", false),
        new Checkpoint("s", fileId, three + 1, 0));
    assertThat(atEnd.quietFor(300)).isEmpty();
    journal.write("nginx.service", "four", T0 + 4);
    assertThat(texts(atEnd.until(1))).containsExactly("four");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journals")
  void aFirstStartFromTheEndBeginsAfterTheNewestEntryAndKeepsThatPosition(TestJournal journal)
      throws Exception {
    journal.write("nginx.service", "old", T0);
    long newest = journal.write("nginx.service", "old too", T0 + 1);
    JournaldSource source = source(journal, "nginx.service", false);
    JournalLines read = new JournalLines(source, null);
    assertThat(read.fileId()).isEqualTo("journal-" + journal.series());
    assertThat(source.offset()).as("the position saved at once").isEqualTo(newest + 1);
    assertThat(read.quietFor(300)).isEmpty();
    journal.write("nginx.service", "new", T0 + 2);
    assertThat(texts(read.until(1))).containsExactly("new");
  }

  @Test
  void aFirstStartFromTheEndOfAnEmptyJournalReadsEverythingThatComes() throws Exception {
    FakeJournal journal = new FakeJournal(dir.resolve("empty"));
    JournalLines read = new JournalLines(source(journal, "nginx.service", false), null);
    assertThat(read.fileId()).isEqualTo(JournaldSource.NOTHING_YET);
    journal.write("nginx.service", "first ever", T0);
    List<Line> lines = read.until(1);
    assertThat(texts(lines)).containsExactly("first ever");
    assertThat(lines.get(0).fileId()).isEqualTo("journal-" + journal.series());
    // Saved before the first entry came: a restart then also reads every entry.
    JournalLines restarted = new JournalLines(source(journal, "nginx.service", false),
        new Checkpoint("s", JournaldSource.NOTHING_YET, 0, 0));
    assertThat(texts(restarted.until(1))).containsExactly("first ever");
  }

  @Test
  void anotherSequenceIsANewIdentityFromItsFirstEntry() throws Exception {
    FakeJournal journal = new FakeJournal(dir.resolve("reboot"));
    journal.write("nginx.service", "before", T0);
    String before = journal.series();
    JournalLines read = new JournalLines(source(journal, "nginx.service", true), null);
    assertThat(texts(read.until(1))).containsExactly("before");
    journal.newSeries();
    journal.write("cron.service", "boot", T0 + 1);
    journal.write("nginx.service", "after", T0 + 2);
    List<Line> lines = read.until(2);
    assertThat(lines.get(1)).extracting(Line::text, Line::fileId, Line::offset)
        .containsExactly("after", "journal-" + journal.series(), 2L);
    assertThat(before).isNotEqualTo(journal.series());

    // A checkpoint of a sequence the journal no longer holds reads from the journal's head.
    FakeJournal wiped = new FakeJournal(dir.resolve("wiped"));
    wiped.write("nginx.service", "since the reboot", T0);
    JournalLines resumed = new JournalLines(source(wiped, "nginx.service", false),
        new Checkpoint("s", "journal-" + before, 5000, 0));
    assertThat(texts(resumed.until(1))).containsExactly("since the reboot");
  }

  @Test
  void bytesAreDecodedWithTheSourcesEncodingAndLongMessagesAreCut() throws Exception {
    FakeJournal journal = new FakeJournal(dir.resolve("bytes"));
    journal.writeBytes("nginx.service", new byte[] {'c', 'a', 'f', (byte) 0xE9, 0x07}, T0);
    journal.write("nginx.service", "x".repeat(100), T0 + 1);
    JournaldSource source = new JournaldSource("localhost",
        new Journalctl(journal.journalctl(), "nginx.service", List.of()), LocalProcess::start, true,
        "MESSAGE", StandardCharsets.ISO_8859_1, 40);
    opened.add(source);
    List<Line> lines = new JournalLines(source, null).until(2);
    assertThat(lines.get(0).text()).isEqualTo("caf\u00e9\u0007");
    assertThat(lines.get(1)).extracting(Line::text, Line::cut).containsExactly("x".repeat(40), true);
  }

  @Test
  void aFirstStartFromTheEndAfterAnEntryLongerThanTheLimitBeginsAfterIt() throws Exception {
    FakeJournal journal = new FakeJournal(dir.resolve("long"));
    long newest = journal.write("nginx.service", "x".repeat(200_000), T0);
    JournaldSource source = new JournaldSource("localhost",
        new Journalctl(journal.journalctl(), "nginx.service", List.of()), LocalProcess::start,
        false, "MESSAGE", StandardCharsets.UTF_8, 40);
    opened.add(source);
    JournalLines read = new JournalLines(source, null);
    assertThat(source.offset()).isEqualTo(newest + 1);
    journal.write("nginx.service", "new", T0 + 1);
    assertThat(texts(read.until(1))).containsExactly("new");
  }

  @Test
  void journalctlsErrorsAreTheSourcesWithWhatItSaid() throws Exception {
    JournaldSource failing = source("sh -c 'echo Failed to add match: Invalid argument >&2; exit 1' --",
        "nginx.service", true, LocalProcess::start);
    failing.open(null);
    assertThatThrownBy(() -> {
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        failing.read(ByteBuffer.allocate(1024));
        Thread.sleep(20);
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("exited with status 1")
        .hasMessageContaining("Failed to add match: Invalid argument");

    JournaldSource text = source("sh -c 'echo -- No entries --; sleep 5' --", null, true,
        LocalProcess::start);
    text.open(null);
    assertThatThrownBy(() -> new JournalLines(text, null).until(1))
        .isInstanceOf(IOException.class).hasMessageContaining("not a journal entry")
        .hasMessageContaining("-- No entries --");
  }

  @Test
  void onAnSshHostItReadsResumesAndLeavesNothingRunning() throws Exception {
    KeyPair hostKey = LoopbackSshServer.newKeyPair();
    KeyPair userKey = LoopbackSshServer.newKeyPair();
    FakeJournal journal = new FakeJournal(dir.resolve("remote"));
    long one = journal.write("nginx.service", "one", T0);
    journal.write("nginx.service", "two", T0 + 1);
    try (LoopbackSshServer server = new LoopbackSshServer(hostKey).authorize(userKey.getPublic()).start()) {
      HostConfig host = HostConfig.of("127.0.0.1", server.port(), "tester")
          .withIdentity(LoopbackSshServer.writeIdentity(dir.resolve("id"), userKey, null).toString(), null)
          .withKnownHosts(server.writeKnownHosts(dir.resolve("kh")).toString(), "strict");
      RemoteShell.Connector ssh = attempt -> SshShell.connect("h1", host, Map.of(), attempt);
      JournaldSource remote = source(journal.journalctl(), "nginx.service", true,
          new RemoteCommands("jd", ssh));
      JournalLines read = new JournalLines(remote, null);
      assertThat(texts(read.until(2))).containsExactly("one", "two");
      var running = ServerProcesses.matching(dir.resolve("remote").toString());
      assertThat(running).as("journalctl runs on the host").isNotEmpty();

      remote.seek(one + 1);
      assertThat(texts(read.until(3))).as("went back to a stored position").containsExactly("one", "two", "two");
      remote.close();
      assertThat(ServerProcesses.aliveAfter(running, 5_000)).as("left running after stop").isEmpty();

      JournalLines resumed = new JournalLines(source(journal.journalctl(), "nginx.service", false,
          new RemoteCommands("jd", ssh)), new Checkpoint("s", read.fileId(), one + 1, 0));
      journal.write("nginx.service", "three", T0 + 2);
      assertThat(texts(resumed.until(2))).containsExactly("two", "three");
    }
  }
}
