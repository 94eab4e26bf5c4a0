package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFilterTest {
  private static final FieldSchema S = FieldSchema.of("x");
  private static final SourceOrigin ORIGIN = new SourceOrigin("s", "h", "/p", "1-2");

  private static EventBatch batch(long start, long end, long... offsets) {
    List<LogEvent> events = new ArrayList<>();
    for (long o : offsets) {
      events.add(new LogEvent("s", o, 0, S, new Object[] {o}));
    }
    return new EventBatch(ORIGIN, start, end, offsets.length, events);
  }

  @Test
  void storedEventsAreJudgedOneByOneAgainstWhatWasCountedLive() {
    ReplayFilter f = new ReplayFilter();
    assertThat(f.fresh(batch(0, 20, 0, 10))).hasSize(2);       // counted live
    // Read back from the store: 10 was counted live, 30 and 50 were not; 40 never stored.
    assertThat(f.freshEach(batch(10, 51, 10, 30, 50))).extracting(LogEvent::offset)
        .containsExactly(30L, 50L);
    // A live batch covering 40 still counts it: the stored read did not mark the gap.
    assertThat(f.fresh(batch(40, 50, 40))).hasSize(1);
    assertThat(f.freshEach(batch(30, 51, 30, 50))).isEmpty();
  }

  @Test
  void aResentRangeIsNotCountedTwiceEvenOutOfOrder() {
    ReplayFilter f = new ReplayFilter();
    assertThat(f.fresh(batch(10, 20, 10, 15))).hasSize(2);
    assertThat(f.fresh(batch(0, 10, 0, 5))).hasSize(2);
    assertThat(f.fresh(batch(0, 20, 0, 5, 10, 15))).isEmpty();
    // A resend that goes further than before: only the new part counts.
    assertThat(f.fresh(batch(10, 30, 10, 15, 20, 25))).extracting(LogEvent::offset)
        .containsExactly(20L, 25L);
    // Another file of the same source is another range space.
    EventBatch rotated = new EventBatch(new SourceOrigin("s", "h", "/p", "1-3"), 0, 10, 1,
        List.of(new LogEvent("s", 0, 0, S, new Object[] {0L})));
    assertThat(f.fresh(rotated)).hasSize(1);
  }
}
