package dev.livelog.source.journald;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.CommandRunner;
import dev.livelog.source.ExecProcess;
import dev.livelog.source.LineFramer;
import dev.livelog.source.LineSource;
import dev.livelog.source.LineSplitter;
import dev.livelog.source.RunningCommand;
import dev.livelog.source.StderrTail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The systemd journal as a source: {@code journalctl --follow --output=json}, locally or on an
 * SSH host, resumed after the stored position's cursor, so a restart loses nothing and reads
 * nothing twice.
 *
 * <p><b>Positions.</b> A journal entry's cursor holds its sequence id ({@code s=}, shared by
 * the entries journald writes, kept across its restarts and reboots while the journal files
 * stay) and its sequence number ({@code i=}, rising). Those are the read loop's file identity
 * and offset: the entry numbered {@code n} is the line {@code [n, n + 1)} of the "file"
 * {@code journal-<id>}, so its event id is {@code source:journal-<id>:n}, the same whenever it
 * is read, and a stored offset {@code n} is where journalctl resumes: the first entry numbered
 * {@code n} or more ({@code --cursor=s=<id>;i=<n>}; see {@link Journalctl#followFrom}). Numbers
 * a unit's entries skip are simply gaps between lines. Entries of another sequence (a volatile journal after a reboot, or journals
 * merged) are a new identity, switched to as a rotated file is: everything before is stored
 * first.
 *
 * <p><b>Reading.</b> The JSON is parsed here, on the source's worker thread; the read loop's
 * {@link LineFramer} then hands the entries over as lines, at their numbers, with their
 * timestamps. An entry at or before the position already read is skipped.
 */
public final class JournaldSource implements LineSource {
  /** Before the first entry there is no sequence yet: this identity starts from the journal's head. */
  static final String NOTHING_YET = "journal";
  private static final String PREFIX = "journal-";

  private final String hostLabel;
  private final Journalctl journalctl;
  private final CommandRunner runner;
  private final boolean fromStart;
  private final String field;
  private final Charset charset;
  private final int maxLineChars;
  private final byte[] chunk = new byte[64 * 1024];
  private final LineSplitter jsonLines;
  private final ArrayDeque<JournalEntry> parsed = new ArrayDeque<>();
  private volatile List<JournalEntry> delivered = List.of();
  private volatile RunningCommand running;
  private String series;
  private long offset;
  private long cutLines;
  private IOException parseError;

  /**
   * @param runner runs journalctl: here, or on an SSH host (closed with the source)
   * @param fromStart without a checkpoint: read every entry the journal holds (else new ones)
   */
  public JournaldSource(String hostLabel, Journalctl journalctl, CommandRunner runner,
      boolean fromStart, String field, Charset charset, int maxLineChars) {
    this.hostLabel = hostLabel;
    this.journalctl = journalctl;
    this.runner = runner;
    this.fromStart = fromStart;
    this.field = field;
    this.charset = charset;
    this.maxLineChars = maxLineChars;
    // journalctl escapes in JSON: a line of the limit takes up to six times its length.
    this.jsonLines = new LineSplitter(StandardCharsets.UTF_8, 6 * maxLineChars + 64 * 1024);
  }

  @Override
  public Checkpoint open(Checkpoint checkpoint) throws IOException {
    if (checkpoint != null && checkpoint.fileId().startsWith(PREFIX)) {
      series = checkpoint.fileId().substring(PREFIX.length());
      offset = checkpoint.offset();
      start(journalctl.followFrom(series, offset));
    } else if (fromStart || (checkpoint != null && checkpoint.fileId().equals(NOTHING_YET))) {
      // Every entry is new: asked for, or nothing had come since the first start.
      start(journalctl.followAll());
    } else {
      JournalEntry newest = newest();
      if (newest == null) {
        start(journalctl.followAll());
      } else {
        series = newest.series();
        offset = newest.seqnum() + 1;
        start(journalctl.followFrom(series, offset));
      }
    }
    return new Checkpoint(null, fileId(), offset, System.currentTimeMillis());
  }

  /**
   * The journal's newest entry (of the unit and matches), or null when it holds none. Its JSON
   * is framed as the follow's is, so an entry of any size is read within the same bound (one
   * longer than it gives its cursor).
   */
  private JournalEntry newest() throws IOException {
    ExecProcess p = runner.start(journalctl.newest());
    try {
      LastLine last = new LastLine();
      InputStream in = p.stdout();
      long at = 0;
      jsonLines.reset();
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        jsonLines.feed(chunk, n, at, last);
        at += n;
      }
      jsonLines.flushPartial(at, last);
      if (last.json == null) {
        StderrTail stderr = new StderrTail();
        stderr.poll(p.stderr());
        if (!stderr.text().isEmpty()) {
          throw new IOException(where() + ": " + stderr.text());
        }
        return null;
      }
      return JournalEntry.parse(last.json, field, charset, maxLineChars, !last.cut);
    } catch (JournalEntry.NotAnEntry e) {
      throw new IOException(where() + " wrote something that is not a journal entry ("
          + e.getMessage() + ")");
    } finally {
      p.close();
    }
  }

  private void start(String command) throws IOException {
    stopProcess();
    parsed.clear();
    jsonLines.reset();
    delivered = List.of();
    running = new RunningCommand(runner.start(command), "livelog-journal");
  }

  @Override
  public ReadStatus read(ByteBuffer buffer) throws IOException {
    if (parsed.isEmpty()) {
      int n = running.read(chunk, 0, Math.min(chunk.length, buffer.remaining()));
      if (n < 0) {
        throw new IOException(where() + " exited" + running.ending());
      }
      if (n == 0) {
        return ReadStatus.IDLE;
      }
      buffer.put(chunk, 0, n);
      jsonLines.feed(chunk, n, 0, entries);
      if (parseError != null) {
        IOException e = parseError;
        parseError = null;
        throw e;
      }
    }
    JournalEntry head = parsed.peek();
    if (head == null) {
      return ReadStatus.IDLE;
    }
    if (!head.series().equals(series)) {
      return ReadStatus.ROTATED;
    }
    List<JournalEntry> out = new ArrayList<>();
    while (!parsed.isEmpty() && parsed.peek().series().equals(series)) {
      out.add(parsed.poll());
    }
    delivered = out;
    offset = out.get(out.size() - 1).seqnum() + 1;
    return ReadStatus.DATA;
  }

  /** Keeps the last line that is not blank, and whether it was cut at the limit. */
  private static final class LastLine implements LineSplitter.LineSink {
    String json;
    boolean cut;

    @Override
    public void line(String text, long at, long next) {
      line(text, at, next, false);
    }

    @Override
    public void line(String text, long at, long next, boolean wasCut) {
      if (!text.isBlank()) {
        json = text;
        cut = wasCut;
      }
    }
  }

  /** Each line of journalctl's output, whole or cut at the limit, becomes an entry. */
  private final LineSplitter.LineSink entries = new LineSplitter.LineSink() {
    @Override
    public void line(String json, long at, long next) {
      line(json, at, next, false);
    }

    @Override
    public void line(String json, long at, long next, boolean cut) {
      entry(json, cut);
    }
  };

  private void entry(String json, boolean cut) {
    if (parseError != null || json.isBlank()) {
      return;
    }
    try {
      JournalEntry e = JournalEntry.parse(json, field, charset, maxLineChars, !cut);
      JournalEntry last = parsed.peekLast();
      long after = last != null && last.series().equals(e.series()) ? last.seqnum() + 1
          : e.series().equals(series) ? offset : 0;
      if (e.line() != null && e.seqnum() >= after) {
        parsed.add(e);
      }
    } catch (JournalEntry.NotAnEntry e) {
      parseError = new IOException(where() + " wrote something that is not a journal entry ("
          + e.getMessage() + "): " + json.substring(0, Math.min(json.length(), 200)));
    }
  }

  @Override
  public Checkpoint follow() {
    JournalEntry head = parsed.peek();
    if (head != null) {
      series = head.series();
      offset = head.seqnum();
    }
    return new Checkpoint(null, fileId(), offset, System.currentTimeMillis());
  }

  /** Back to a stored position: journalctl starts again after its cursor. */
  @Override
  public void seek(long position) throws IOException {
    offset = position;
    start(series == null ? journalctl.followAll() : journalctl.followFrom(series, position));
  }

  /** The entries the last read parsed, handed to the read loop as lines at their numbers. */
  @Override
  public LineFramer framer(LineSplitter splitter) {
    return new LineFramer() {
      @Override
      public void feed(byte[] bytes, int length, long at, LineSplitter.LineSink sink) {
        for (JournalEntry e : delivered) {
          if (e.cut()) {
            cutLines++;
          }
          sink.line(e.line(), e.seqnum(), e.seqnum() + 1, e.cut(), e.time());
        }
        delivered = List.of();
      }

      @Override
      public void flushPartial(long endOffset, LineSplitter.LineSink sink) {
        // Entries are whole.
      }

      @Override
      public void reset() {
        delivered = List.of();
      }

      @Override
      public long cutLines() {
        return cutLines;
      }
    };
  }

  @Override
  public String fileId() {
    return series == null ? NOTHING_YET : PREFIX + series;
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public long bytesBehind() {
    RunningCommand r = running;
    return r == null ? -1 : r.buffered();
  }

  @Override
  public String host() {
    return hostLabel;
  }

  @Override
  public String path() {
    return journalctl.describe();
  }

  private String where() {
    return hostLabel + ": " + journalctl.shownProgram();
  }

  @Override
  public void close() {
    runner.close();
    stopProcess();
  }

  private void stopProcess() {
    RunningCommand r = running;
    if (r != null) {
      r.close();
    }
  }
}
