package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.container.ContainerEnvelope;
import dev.livelog.common.container.CriEnvelope;
import dev.livelog.common.container.DockerEnvelope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ContainerLines}: the parts of a line a container runtime split are joined into one
 * line at the first part's offset, whatever the reads' sizes, with other streams' lines in
 * between, and no batch ends between the parts of a line, so a restart reads it whole again.
 */
class ContainerLinesTest {
  private static final CriEnvelope CRI = new CriEnvelope();
  private static final DockerEnvelope DOCKER = new DockerEnvelope();
  private static final SourceOrigin ORIGIN = new SourceOrigin("c", "localhost", "/x.log", "1-2");

  private record Line(String text, long offset, long next, boolean cut) {}

  /** A container log as a runtime writes it, and where each of its lines starts. */
  private static final class Log {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> starts = new ArrayList<>();

    Log add(String line) {
      starts.add((long) bytes.size());
      bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** CRI lines for one output line, split at 16 KiB as containerd does. */
    Log cri(String time, String stream, String content) {
      int at = 0;
      do {
        int end = Math.min(content.length(), at + 16 * 1024);
        add(time + " " + stream + " " + (end < content.length() ? "P" : "F") + " "
            + content.substring(at, end));
        at = end;
      } while (at < content.length());
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  private static List<Line> read(ContainerEnvelope envelope, byte[] log, long from, int chunk,
      int maxChars) {
    return read(envelope, log, from, chunk, maxChars, null);
  }

  private static List<Line> read(ContainerEnvelope envelope, byte[] log, long from, int chunk,
      int maxChars, String stream) {
    List<Line> lines = new ArrayList<>();
    LineSplitter.LineSink sink = new LineSplitter.LineSink() {
      @Override
      public void line(String text, long offset, long next) {
        line(text, offset, next, false);
      }

      @Override
      public void line(String text, long offset, long next, boolean cut) {
        lines.add(new Line(text, offset, next, cut));
      }
    };
    ContainerLines joined = new ContainerLines(envelope,
        new LineSplitter(StandardCharsets.UTF_8, 1 << 20), maxChars, stream);
    for (int at = (int) from; at < log.length; at += chunk) {
      int n = Math.min(chunk, log.length - at);
      byte[] part = new byte[n];
      System.arraycopy(log, at, part, 0, n);
      joined.feed(part, n, at, sink);
    }
    return lines;
  }

  @Test
  void aLineLongerThanTheRuntimesSplitComesOutWholeAtItsFirstPart() {
    String longLine = "GET /" + "a".repeat(40_000) + " HTTP/1.1";
    Log log = new Log().cri("2026-12-07T10:00:00.000000001Z", "stdout", "short one")
        .cri("2026-12-07T10:00:00.000000002Z", "stdout", longLine)
        .cri("2026-12-07T10:00:00.000000003Z", "stdout", "after");
    assertThat(log.starts).as("the long line took three parts").hasSize(5);
    for (int chunk : new int[] {7, 4096, 1 << 20}) {
      List<Line> lines = read(CRI, log.bytes(), 0, chunk, 64 * 1024);
      assertThat(lines).extracting(Line::text).as("reads of %d bytes", chunk).containsExactly(
          "2026-12-07T10:00:00.000000001Z stdout F short one",
          "2026-12-07T10:00:00.000000002Z stdout F " + longLine,
          "2026-12-07T10:00:00.000000003Z stdout F after");
      assertThat(lines).extracting(Line::offset)
          .containsExactly(log.starts.get(0), log.starts.get(1), log.starts.get(4));
      assertThat(lines.get(1).next()).isEqualTo(log.starts.get(4));
      assertThat(lines).extracting(Line::cut).containsOnly(false);
    }
  }

  @Test
  void aJoinedLineIsBoundedByMaxLineLength() {
    Log log = new Log().cri("2026-12-07T10:00:00Z", "stdout", "x".repeat(50_000)).cri("2026-12-07T10:00:01Z", "stdout", "next");
    List<Line> lines = read(CRI, log.bytes(), 0, 4096, 20_000);
    assertThat(lines.get(0).text()).isEqualTo("2026-12-07T10:00:00Z stdout F " + "x".repeat(20_000));
    assertThat(lines.get(0).cut()).isTrue();
    assertThat(lines.get(1)).extracting(Line::text, Line::cut)
        .containsExactly("2026-12-07T10:00:01Z stdout F next", false);
  }

  @Test
  void anotherStreamsLinesBetweenThePartsWaitAndGoIntoOneBatch() {
    Log log = new Log()
        .add("2026-12-07T10:00:00Z stdout P first half ")
        .add("2026-12-07T10:00:00Z stderr F an error")
        .add("2026-12-07T10:00:01Z stdout F second half")
        .add("2026-12-07T10:00:02Z stderr F later");
    List<Line> lines = read(CRI, log.bytes(), 0, 4096, 1000);
    assertThat(lines).extracting(Line::text).containsExactly(
        "2026-12-07T10:00:00Z stdout F first half second half",
        "2026-12-07T10:00:00Z stderr F an error",
        "2026-12-07T10:00:02Z stderr F later");
    assertThat(lines).extracting(Line::offset)
        .containsExactly(log.starts.get(0), log.starts.get(1), log.starts.get(3));

    BatchBuilder builder = new BatchBuilder(1, 0);
    lines.forEach(l -> builder.line(l.text(), l.offset(), l.next(), l.cut()));
    LineBatch first = builder.take(ORIGIN);
    assertThat(first.size()).as("no batch ends inside the joined line's parts").isEqualTo(2);
    assertThat(first.endOffset()).isEqualTo(log.starts.get(3));
    assertThat(builder.take(ORIGIN).startOffset()).isEqualTo(log.starts.get(3));
  }

  @Test
  void aRestartAtAnyBatchEndReadsEachLineOnceAndWhole() {
    Log log = new Log();
    for (int i = 0; i < 30; i++) {
      log.cri("2026-12-07T10:00:00Z", i % 3 == 0 ? "stderr" : "stdout",
          i + " " + "y".repeat(i % 4 == 0 ? 20_000 : 10));
      if (i % 5 == 0) {
        log.add("2026-12-07T10:00:00Z stdout P interleaved " + i + " ")
            .add("2026-12-07T10:00:00Z stderr F between " + i)
            .add("2026-12-07T10:00:00Z stdout F done " + i);
      }
    }
    List<Line> all = read(CRI, log.bytes(), 0, 1000, 64 * 1024);
    BatchBuilder builder = new BatchBuilder(3, 0);
    all.forEach(l -> builder.line(l.text(), l.offset(), l.next(), l.cut()));
    List<Long> ends = new ArrayList<>();
    while (builder.size() > 0) {
      ends.add(builder.take(ORIGIN).endOffset());
    }
    for (long end : ends) {
      List<Line> before = all.stream().filter(l -> l.offset() < end).toList();
      List<Line> resumed = read(CRI, log.bytes(), end, 1000, 64 * 1024);
      List<Line> both = new ArrayList<>(before);
      both.addAll(resumed);
      assertThat(both).as("stored up to %d, then resumed there", end).isEqualTo(all);
    }
  }

  @Test
  void linesKeptWaitingTooLongGiveUpTheUnfinishedPart() {
    Log log = new Log().add("2026-12-07T10:00:00Z stdout P never finished ");
    for (int i = 0; i < ContainerLines.MAX_WAITING + 5; i++) {
      log.add("2026-12-07T10:00:00Z stderr F error " + i);
    }
    List<Line> lines = read(CRI, log.bytes(), 0, 4096, 64 * 1024);
    assertThat(lines).hasSize(ContainerLines.MAX_WAITING + 6);
    assertThat(lines.get(0).text()).isEqualTo("2026-12-07T10:00:00Z stdout F never finished ");
  }

  @Test
  void dockersJsonFileObjectsAreJoinedToo() {
    String big = "z".repeat(16 * 1024);
    Log log = new Log()
        .add("{\"log\":\"" + big + "\",\"stream\":\"stdout\",\"time\":\"2026-12-07T10:00:00.1Z\"}")
        .add("{\"log\":\"tail \\\"quoted\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-07T10:00:00.2Z\"}")
        .add("{\"log\":\"whole\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-07T10:00:01Z\"}");
    List<Line> lines = read(DOCKER, log.bytes(), 0, 4096, 64 * 1024);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).offset()).isZero();
    assertThat(DOCKER.read(lines.get(0).text()))
        .isEqualTo(new dev.livelog.common.container.ContainerEnvelope.Part(
            "2026-12-07T10:00:00.1Z", "stdout", false, big + "tail \"quoted\""));
    assertThat(lines.get(1).text()).isEqualTo(
        "{\"log\":\"whole\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-07T10:00:01Z\"}");
  }

  @Test
  void withAStreamChosenTheOthersLinesAreSkippedAndTheBatchEndsPastThem() {
    Log log = new Log()
        .add("2026-12-07T10:00:00Z stdout F access 1")
        .add("2026-12-07T10:00:00Z stderr F an error")
        .add("2026-12-07T10:00:01Z stdout P access 2 first half ")
        .add("2026-12-07T10:00:01Z stderr F between the halves")
        .add("2026-12-07T10:00:01Z stdout F second half")
        .add("2026-12-07T10:00:02Z stderr F last, an error");
    for (int chunk : new int[] {5, 4096}) {
      List<Line> lines = read(CRI, log.bytes(), 0, chunk, 1000, "stdout");
      assertThat(lines).extracting(Line::text).containsExactly(
          "2026-12-07T10:00:00Z stdout F access 1",
          "2026-12-07T10:00:01Z stdout F access 2 first half second half");
      assertThat(lines).extracting(Line::offset)
          .containsExactly(log.starts.get(0), log.starts.get(2));
      assertThat(lines.get(1).next()).as("past the stderr line between its halves")
          .isEqualTo(log.starts.get(5));
    }
    List<Line> errors = read(CRI, log.bytes(), 0, 4096, 1000, "stderr");
    assertThat(errors).extracting(Line::offset)
        .containsExactly(log.starts.get(1), log.starts.get(3), log.starts.get(5));

    ContainerLines counted = new ContainerLines(CRI,
        new LineSplitter(StandardCharsets.UTF_8, 1 << 20), 1000, "stdout");
    byte[] bytes = log.bytes();
    counted.feed(bytes, bytes.length, 0, (text, offset, next) -> { });
    assertThat(counted.skippedLines()).isEqualTo(3);
  }
}
