package dev.livelog.source.journald;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A journal kept as journalctl's JSON lines, read by the {@code fake-journalctl} script (test
 * resources), which honours what livelog asks of journalctl. {@link #newSeries()} starts
 * another sequence, as a volatile journal does after a reboot.
 */
public final class FakeJournal implements TestJournal {
  private final Path file;
  private final Path script;
  private String series = UUID.randomUUID().toString().replace("-", "");
  private long seqnum;

  public FakeJournal(Path dir) throws IOException {
    TestJournal.directory(dir);
    this.file = dir.resolve("journal.json");
    this.script = dir.resolve("fake-journalctl");
    try (InputStream in = FakeJournal.class.getResourceAsStream("/journald/fake-journalctl")) {
      Files.write(script, in.readAllBytes());
    }
    Files.writeString(file, "");
  }

  @Override
  public String journalctl() {
    return "FAKE_JOURNAL='" + file + "' sh '" + script + "'";
  }

  @Override
  public long write(String unit, String message, long micros) throws IOException {
    return append(unit, "\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", micros);
  }

  /** An entry whose MESSAGE journalctl writes as byte values (not UTF-8, or control bytes). */
  public long writeBytes(String unit, byte[] message, long micros) throws IOException {
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < message.length; i++) {
      array.append(i == 0 ? "" : ",").append(message[i] & 0xFF);
    }
    return append(unit, array.append(']').toString(), micros);
  }

  /** Appends an entry as journalctl writes it, {@code message} being the MESSAGE's JSON. */
  private synchronized long append(String unit, String messageJson, long micros)
      throws IOException {
    seqnum++;
    String cursor = "s=" + series + ";i=" + Long.toHexString(seqnum)
        + ";b=0123456789abcdef0123456789abcdef;m=" + Long.toHexString(seqnum * 1000)
        + ";t=" + Long.toHexString(micros) + ";x=" + Long.toHexString(seqnum * 7919);
    String entry = "{\"__CURSOR\":\"" + cursor + "\",\"__REALTIME_TIMESTAMP\":\"" + micros
        + "\",\"__MONOTONIC_TIMESTAMP\":\"" + seqnum * 1000
        + "\",\"_BOOT_ID\":\"0123456789abcdef0123456789abcdef\",\"PRIORITY\":\"6\""
        + ",\"_SYSTEMD_UNIT\":\"" + unit + "\",\"SYSLOG_IDENTIFIER\":\"" + unit.replace(".service", "")
        + "\",\"MESSAGE\":" + messageJson + "}\n";
    Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return seqnum;
  }

  /** Another sequence from now on, numbered from 1 (a volatile journal after a reboot). */
  public synchronized void newSeries() {
    series = UUID.randomUUID().toString().replace("-", "");
    seqnum = 0;
  }

  @Override
  public String series() {
    return series;
  }

  @Override
  public String name() {
    return "fake journalctl";
  }

  @Override
  public String toString() {
    return name();
  }
}
