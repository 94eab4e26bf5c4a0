package dev.livelog.source.journald;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real journal read by the real {@code journalctl --directory}: its entries are written by
 * systemd-journal-remote from journald's export format, so no journald has to run (machines
 * that run tests seldom have one). Each write appends to the same journal file, which keeps its
 * sequence id.
 */
public final class WrittenJournal implements TestJournal {
  private static final Path WRITER = Path.of("/lib/systemd/systemd-journal-remote");
  private final Path dir;
  private long monotonic;

  public WrittenJournal(Path dir) throws IOException {
    if (!Files.isExecutable(WRITER) || !Files.isExecutable(Path.of("/usr/bin/journalctl"))) {
      throw new IllegalStateException(WRITER + " or journalctl is missing: install"
          + " systemd-journal-remote (apt-get install systemd-journal-remote; .ci/run does)");
    }
    this.dir = TestJournal.directory(dir);
  }

  @Override
  public String journalctl() {
    return "journalctl --directory='" + dir + "'";
  }

  @Override
  public synchronized long write(String unit, String message, long micros) throws Exception {
    monotonic += 1000;
    String entry = "__REALTIME_TIMESTAMP=" + micros + "\n__MONOTONIC_TIMESTAMP=" + monotonic
        + "\n_BOOT_ID=0123456789abcdef0123456789abcdef\nPRIORITY=6\n_SYSTEMD_UNIT=" + unit
        + "\nSYSLOG_IDENTIFIER=" + unit.replace(".service", "") + "\nMESSAGE=" + message + "\n\n";
    Process writer = new ProcessBuilder(List.of(WRITER.toString(), "-o",
        dir.resolve("remote.journal").toString(), "-")).redirectErrorStream(true).start();
    try (OutputStream in = writer.getOutputStream()) {
      in.write(entry.getBytes(StandardCharsets.UTF_8));
    }
    String said = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!writer.waitFor(10, TimeUnit.SECONDS) || writer.exitValue() != 0) {
      throw new IOException("systemd-journal-remote failed: " + said);
    }
    String seqnum = newest()[1];
    return seqnum.isEmpty() ? -1 : Long.parseLong(seqnum, 16);
  }

  @Override
  public String series() throws Exception {
    return newest()[0];
  }

  /** The newest entry's sequence id and number (hex), as journalctl shows them. */
  private String[] newest() throws Exception {
    Process p = new ProcessBuilder(List.of("journalctl", "--directory=" + dir, "--lines=1",
        "--output=json")).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    p.waitFor(10, TimeUnit.SECONDS);
    String json = out.toString(StandardCharsets.UTF_8);
    int at = json.indexOf("\"__CURSOR\":\"s=");
    if (at < 0) {
      return new String[] {"", ""};
    }
    int start = at + "\"__CURSOR\":\"".length();
    String cursor = json.substring(start, json.indexOf('"', start));
    String series = cursor.substring(2, cursor.indexOf(';'));
    String seqnum = cursor.substring(cursor.indexOf(";i=") + 3);
    return new String[] {series, seqnum.substring(0, seqnum.indexOf(';'))};
  }

  @Override
  public String name() {
    return "journalctl over systemd-journal-remote's files";
  }

  @Override
  public String toString() {
    return name();
  }
}
