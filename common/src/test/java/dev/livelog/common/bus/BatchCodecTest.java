package dev.livelog.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
  private final SourceOrigin origin = new SourceOrigin("ng1", "us-ng1", "/var/log/cache.log", "dev:ino");

  @Test
  void lineBatchRoundTripsOverTheWireAfterOtherBytes() {
    LineBatch batch = new LineBatch(origin, new long[] {100, 120},
        new String[] {"first line", "zweite Zeile \u00e9\u00e8"}, 150);
    Buffer buffer = Buffer.buffer("prefix");
    new LineBatchCodec().encodeToWire(buffer, batch);
    LineBatch back = new LineBatchCodec().decodeFromWire(6, buffer);
    assertThat(back.origin()).isEqualTo(origin);
    assertThat(back.size()).isEqualTo(2);
    assertThat(back.line(1)).isEqualTo("zweite Zeile \u00e9\u00e8");
    assertThat(back.offset(1)).isEqualTo(120);
    assertThat(back.endOffset()).isEqualTo(150);
    assertThat(buffer.getInt(6)).isEqualTo(buffer.length() - 10);
  }

  @Test
  void cutLinesKeepTheirFlagOverTheWire() {
    LineBatch batch = new LineBatch(origin, new long[] {0, 10, 20}, new String[] {"a", "b", "c"},
        30, new boolean[] {false, true, false});
    Buffer buffer = Buffer.buffer();
    new LineBatchCodec().encodeToWire(buffer, batch);
    LineBatch back = new LineBatchCodec().decodeFromWire(0, buffer);
    assertThat(List.of(back.isCut(0), back.isCut(1), back.isCut(2))).containsExactly(false, true, false);
    assertThat(back.line(2)).isEqualTo("c");
    assertThat(new LineBatch(origin, new long[] {0}, new String[] {"a"}, 1).isCut(0)).isFalse();
  }

  @Test
  void theOriginsFieldsAndTheLinesTimesCrossTheWireTogether() {
    SourceOrigin member = new SourceOrigin("vhosts", "localhost", "/logs/shop.access.log",
        "1-2@ab12cd34", "combined", java.util.Map.of("vhost", "shop"));
    LineBatch batch = new LineBatch(member, new long[] {7, 8}, new String[] {"a", "b"}, 9,
        new boolean[0], new long[] {1_765_000_000_000L, LogEvent.NO_TIME});
    Buffer buffer = Buffer.buffer();
    new LineBatchCodec().encodeToWire(buffer, batch);
    LineBatch back = new LineBatchCodec().decodeFromWire(0, buffer);
    assertThat(back.origin()).isEqualTo(member);
    assertThat(back.origin().fields()).containsEntry("vhost", "shop");
    assertThat(back.time(0)).isEqualTo(1_765_000_000_000L);
    assertThat(back.time(1)).isEqualTo(LogEvent.NO_TIME);
    assertThat(back.line(1)).isEqualTo("b");
  }

  @Test
  void eventBatchRoundTripsEveryValueType() {
    FieldSchema a = FieldSchema.of("status", "ups_rt", "path", "ok", "at", "times", "missing");
    FieldSchema b = FieldSchema.of("level");
    LogEvent e1 = new LogEvent("ng1", 100, 1_700_000_000_123L, a, new Object[] {200L, 0.25,
        "/x?y=\u00fc", true, Instant.ofEpochSecond(5, 7), List.of(0.01, 0.02), null});
    LogEvent e2 = new LogEvent("ng1", 120, LogEvent.NO_TIME, b, new Object[] {"warn"});
    EventBatch batch = new EventBatch(origin, 100, 150, 3, List.of(e1, e2));
    Buffer buffer = Buffer.buffer();
    new EventBatchCodec().encodeToWire(buffer, batch);
    EventBatch back = new EventBatchCodec().decodeFromWire(0, buffer);

    assertThat(back.origin()).isEqualTo(origin);
    assertThat(back.lines()).isEqualTo(3);
    assertThat(back.failed()).isEqualTo(1);
    LogEvent r1 = back.events().get(0);
    assertThat(r1.schema()).isEqualTo(a);
    assertThat(r1.fields()).isEqualTo(e1.fields());
    assertThat(r1.time()).isEqualTo(e1.time());
    assertThat(r1.offset()).isEqualTo(100);
    assertThat(back.events().get(1).get("level")).isEqualTo("warn");
    assertThat(back.events().get(1).time()).isEqualTo(LogEvent.NO_TIME);
  }

  @Test
  void eventsOfSeveralSourcesAndSchemasKeepTheirOwnOffsetsTimesAndNumbers() {
    FieldSchema a = FieldSchema.of("n");
    FieldSchema b = FieldSchema.of("m", "caf\u00e9");
    List<LogEvent> events = List.of(
        new LogEvent("one", 5_000_000_000L, 1_700_000_000_000L, a, new Object[] {Long.MIN_VALUE}),
        new LogEvent("two", 12L, 1_600_000_000_000L, b, new Object[] {-1L, "\u2713 \uD83D\uDE00"}),
        new LogEvent("one", 4_999_999_000L, LogEvent.NO_TIME, a, new Object[] {Long.MAX_VALUE}));
    Buffer buffer = Buffer.buffer();
    new EventBatchCodec().encodeToWire(buffer, new EventBatch(origin, 0, 10, 3, events));
    List<LogEvent> back = new EventBatchCodec().decodeFromWire(0, buffer).events();
    for (int i = 0; i < events.size(); i++) {
      assertThat(back.get(i).source()).isEqualTo(events.get(i).source());
      assertThat(back.get(i).offset()).isEqualTo(events.get(i).offset());
      assertThat(back.get(i).time()).isEqualTo(events.get(i).time());
      assertThat(back.get(i).fields()).isEqualTo(events.get(i).fields());
    }
  }

  @Test
  void eachEventsLineCrossesTheWireAndAnEventWithoutOneStaysWithout() {
    FieldSchema a = FieldSchema.of("status");
    String line = "10.0.0.1 - - [07/Dec/2025:10:00:00 +0000] \"GET /caf\u00e9 HTTP/1.1\" 200 5";
    List<LogEvent> events = List.of(
        new LogEvent("ng1", 0, 1_700_000_000_000L, a, new Object[] {200L}, line),
        new LogEvent("ng1", 80, 1_700_000_000_001L, a, new Object[] {404L}));
    Buffer buffer = Buffer.buffer();
    new EventBatchCodec().encodeToWire(buffer, new EventBatch(origin, 0, 90, 2, events));
    List<LogEvent> back = new EventBatchCodec().decodeFromWire(0, buffer).events();
    assertThat(back.get(0).line()).isEqualTo(line);
    assertThat(back.get(1).line()).isNull();
    assertThat(back.get(1).withTime(5).line()).isNull();
    assertThat(back.get(0).withTime(5).line()).isEqualTo(line);
  }

  @Test
  void localHopPassesTheSameObject() {
    EventBatch batch = new EventBatch(origin, 0, 0, 0, List.of());
    assertThat(new EventBatchCodec().transform(batch)).isSameAs(batch);
  }

  @Test
  void anotherWireVersionIsRefusedWithAClearError() {
    Buffer buffer = Buffer.buffer();
    new LineBatchCodec().encodeToWire(buffer, new LineBatch(origin, new long[0], new String[0], 0));
    buffer.setByte(4, (byte) 9);
    assertThatThrownBy(() -> new LineBatchCodec().decodeFromWire(0, buffer))
        .hasMessageContaining("wire version 9");
  }

  @Test
  void eventArityMustMatchTheSchema() {
    assertThatThrownBy(() -> new LogEvent("s", 0, 0, FieldSchema.of("a"), new Object[2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldSchema.of("a", "a")).hasMessageContaining("duplicate");
  }
}
