package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.event.LogEvent;
import dev.livelog.source.journald.FakeJournal;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journald sources through the whole pipeline, on this machine and on an SSH host, with a
 * journal written while livelog stops and starts again: each entry is stored exactly once,
 * with the journal's time when its line has none.
 */
class JournaldPipelineTest {
  /** An hour ago (within the store's retention), in microseconds, as the journal counts. */
  private static final long T0_MICROS = (System.currentTimeMillis() / 1000 - 3600) * 1_000_000L;

  @TempDir Path dir;
  private SshFixture ssh;
  private FakeJournal journal;

  @BeforeEach
  void start() throws Exception {
    ssh = new SshFixture(dir);
    journal = new FakeJournal(dir.resolve("journal"));
  }

  @AfterEach
  void stop() throws Exception {
    ssh.close();
  }

  private String sources() {
    String common = "unit: nginx.service, journalctl: \"" + journal.journalctl().replace("\"", "\\\"")
        + "\", format: numbered, from: start";
    return "  - {id: local-journal, " + common + "}\n"
        + "  - {id: remote-journal, kind: journald, host: h1, " + common + "}\n";
  }

  /** Entry n of nginx, logged at T0 + n seconds, with a cron entry between every tenth. */
  private void write(int n) throws Exception {
    journal.write("nginx.service", n + " line " + n, T0_MICROS + n * 1_000_000L);
    if (n % 10 == 0) {
      journal.write("cron.service", "0 cron ran", T0_MICROS);
    }
  }

  private static void assertExactlyOnce(List<LogEvent> events, String source, int n) {
    List<LogEvent> mine = events.stream().filter(e -> e.source().equals(source)).toList();
    assertThat(mine).extracting(e -> (Long) e.get("n")).as("entries stored for " + source)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
    mine.forEach(e -> assertThat(e.time()).as("the journal's time")
        .isEqualTo(T0_MICROS / 1000 + (Long) e.get("n") * 1000));
  }

  @Test
  void entriesWrittenWhileLivelogRestartsAreStoredExactlyOnce() throws Exception {
    for (int n = 1; n <= 100; n++) {
      write(n);
    }
    LivelogNode node = SshFixture.start(ssh.config(sources(), ""));
    AtomicInteger written = new AtomicInteger(100);
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> {
      try {
        while (writing.get() && written.get() < 1500) {
          write(written.incrementAndGet());
          if (written.get() % 50 == 0) {
            Thread.sleep(20);
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      SshFixture.await("both sources storing", 30_000, () -> SshFixture.count(node) >= 200);
      writer.start();
      SshFixture.await("more stored while the journal grows", 30_000,
          () -> SshFixture.count(node) > 600);
    } finally {
      SshFixture.stop(node);
    }
    writer.join(30_000);
    int total = written.get();
    for (int n = total + 1; n <= total + 100; n++) {
      write(n);
    }
    int all = total + 100;
    LivelogNode again = SshFixture.start(ssh.config(sources(), ""));
    Map<String, JsonObject> status = SshFixture.statuses(again);
    try {
      SshFixture.await(all + " entries of each source stored", 60_000,
          () -> SshFixture.count(again) >= 2L * all);
      Thread.sleep(500);
      List<LogEvent> events = SshFixture.events(again);
      assertThat(events).hasSize(2 * all);
      assertExactlyOnce(events, "local-journal", all);
      assertExactlyOnce(events, "remote-journal", all);
      SshFixture.await("statuses", 10_000, () -> status.containsKey("remote-journal"));
      assertThat(status.get("remote-journal").getString("path"))
          .as("the program redacted, as a command's").startsWith("FAKE_JOURNAL=*** sh …")
          .endsWith("--unit=nginx.service").doesNotContain(dir.toString());
      assertThat(status.get("remote-journal").getString("fileId"))
          .isEqualTo("journal-" + journal.series());
    } finally {
      writing.set(false);
      SshFixture.stop(again);
    }
  }
}
