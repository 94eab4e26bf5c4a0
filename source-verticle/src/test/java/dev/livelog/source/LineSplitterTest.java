package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  record Line(String text, long offset, long next) {}

  private final List<Line> lines = new ArrayList<>();
  private final LineSplitter.LineSink sink = (t, o, n) -> lines.add(new Line(t, o, n));

  private void feed(LineSplitter s, String text, long offset, java.nio.charset.Charset cs) {
    byte[] b = text.getBytes(cs);
    s.feed(b, b.length, offset, sink);
  }

  @Test
  void linesCarryTheirByteOffsetsAcrossReads() {
    LineSplitter s = new LineSplitter(StandardCharsets.UTF_8, 1000);
    feed(s, "ab\r\nc\u00e9", 100, StandardCharsets.UTF_8);
    feed(s, "d\nef", 107, StandardCharsets.UTF_8);
    assertThat(lines).containsExactly(new Line("ab", 100, 104), new Line("c\u00e9d", 104, 109));
    s.flushPartial(111, sink);
    assertThat(lines).last().isEqualTo(new Line("ef", 109, 111));
  }

  @Test
  void latin1DecodesAsConfiguredAndBadUtf8IsReplaced() {
    LineSplitter latin = new LineSplitter(StandardCharsets.ISO_8859_1, 1000);
    latin.feed(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}, 5, 0, sink);
    LineSplitter utf8 = new LineSplitter(StandardCharsets.UTF_8, 1000);
    utf8.feed(new byte[] {'x', (byte) 0xFF, 'y', '\n'}, 4, 0, sink);
    assertThat(lines).extracting(Line::text).containsExactly("caf\u00e9", "x\uFFFDy");
  }

  @Test
  void aRunawayLineIsCutButItsOffsetsStayRight() {
    LineSplitter s = new LineSplitter(StandardCharsets.UTF_8, 10);
    String longLine = "x".repeat(25);
    feed(s, longLine.substring(0, 8), 0, StandardCharsets.UTF_8);
    feed(s, longLine.substring(8) + "\nshort\n" + "y".repeat(30) + "\n", 8, StandardCharsets.UTF_8);
    assertThat(lines).containsExactly(new Line("x".repeat(10), 0, 26),
        new Line("short", 26, 32), new Line("y".repeat(10), 32, 63));
    assertThat(s.cutLines()).isEqualTo(2);
  }

  @Test
  void cutLinesAreFlaggedInTheirBatch() {
    LineSplitter s = new LineSplitter(StandardCharsets.UTF_8, 10);
    BatchBuilder batches = new BatchBuilder(100, 1000);
    byte[] text = ("short\n" + "z".repeat(11) + "\n" + "y".repeat(8)).getBytes(StandardCharsets.UTF_8);
    s.feed(text, text.length, 0, batches);
    byte[] rest = ("y".repeat(8) + "\nok\n").getBytes(StandardCharsets.UTF_8);
    s.feed(rest, rest.length, text.length, batches);
    var batch = batches.take(new dev.livelog.common.bus.SourceOrigin("s", null, null, null));
    assertThat(batch.size()).isEqualTo(4);
    assertThat(java.util.stream.IntStream.range(0, 4).mapToObj(batch::isCut))
        .containsExactly(false, true, true, false);
    assertThat(batch.line(2)).isEqualTo("y".repeat(10));
  }
}
