package dev.livelog.source.journald;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.source.LineFramer;
import dev.livelog.source.LineSource;
import dev.livelog.source.LineSplitter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The read loop in small, for tests of a journald source: reads, hands the entries over
 * through the source's framer, and switches to another sequence when the source says so.
 */
final class JournalLines {
  record Line(String fileId, long offset, long next, String text, long time, boolean cut) {}

  private final LineSource source;
  private final LineFramer framer;
  private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
  private final List<Line> lines = new ArrayList<>();
  private String fileId;

  JournalLines(LineSource source, Checkpoint checkpoint) throws Exception {
    this.source = source;
    this.fileId = source.open(checkpoint).fileId();
    this.framer = source.framer(new LineSplitter(StandardCharsets.UTF_8, 1024));
  }

  String fileId() {
    return fileId;
  }

  /** Reads until {@code count} lines came in all, or 10 s passed; returns all lines so far. */
  List<Line> until(int count) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (lines.size() < count && System.currentTimeMillis() < deadline) {
      readOnce();
    }
    return List.copyOf(lines);
  }

  /** Reads for a while, to see that nothing more comes. */
  List<Line> quietFor(long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      readOnce();
    }
    return List.copyOf(lines);
  }

  private void readOnce() throws Exception {
    buffer.clear();
    long at = source.offset();
    switch (source.read(buffer)) {
      case DATA -> framer.feed(buffer.array(), buffer.position(), at, new LineSplitter.LineSink() {
        @Override
        public void line(String text, long offset, long next) {
          throw new AssertionError("a journal line comes with its time and cut flag");
        }

        @Override
        public void line(String text, long offset, long next, boolean cut, long time) {
          lines.add(new Line(fileId, offset, next, text, time, cut));
        }
      });
      case ROTATED -> {
        framer.reset();
        fileId = source.follow().fileId();
      }
      case IDLE -> Thread.sleep(20);
      default -> throw new AssertionError("unexpected status from a journal");
    }
  }
}
