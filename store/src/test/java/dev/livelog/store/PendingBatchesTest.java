package dev.livelog.store;

import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingBatchesTest {
  private final PendingBatches pending = new PendingBatches(100, 250, Long.MAX_VALUE);

  @Test
  void smallBatchesAreTakenTogetherUpToOneAppendInArrivalOrder() {
    EventBatch a = batch("s", "f", 0, 40, T0);
    EventBatch b = batch("s", "f", 4000, 40, T0);
    EventBatch c = batch("s", "f", 8000, 40, T0);
    pending.offer(a);
    pending.offer(b);
    assertThat(pending.fillsAnAppend()).isFalse();
    pending.offer(c);
    assertThat(pending.fillsAnAppend()).isTrue();

    assertThat(pending.takeAppend()).containsExactly(a, b);
    assertThat(pending.takeAppend()).containsExactly(c);
    assertThat(pending.isEmpty()).isTrue();
    assertThat(pending.events()).isZero();
  }

  @Test
  void aBatchLargerThanAnAppendIsTakenAlone() {
    EventBatch big = batch("s", "f", 0, 150, T0);
    pending.offer(big);
    pending.offer(batch("s", "f", 15000, 10, T0));

    assertThat(pending.takeAppend()).containsExactly(big);
  }

  @Test
  void refusesBatchesBeyondTheBoundButAlwaysTakesOneIntoAnEmptyList() {
    assertThat(pending.offer(batch("s", "f", 0, 300, T0))).isTrue();
    assertThat(pending.offer(batch("s", "f", 30000, 1, T0))).isFalse();

    pending.takeAppend();
    assertThat(pending.offer(batch("s", "f", 30000, 200, T0))).isTrue();
    assertThat(pending.offer(batch("s", "f", 50000, 50, T0))).isTrue();
    assertThat(pending.offer(batch("s", "f", 55000, 1, T0))).isFalse();
  }

  /** {@code count} events whose lines are {@code chars} characters each. */
  private static EventBatch withLines(long firstOffset, int count, int chars) {
    List<LogEvent> events = batch("s", "f", firstOffset, count, T0).events().stream()
        .map(e -> e.withLine("x".repeat(chars))).toList();
    return SampleEvents.batch(SampleEvents.origin("s", "f"), events);
  }

  @Test
  void longLinesAreBoundedByTheirCharactersWellBeforeTheCount() {
    // Room for 250 events, but only 1 MiB of lines: sixteen 64 KiB lines.
    PendingBatches bounded = new PendingBatches(100, 250, 1 << 20);
    assertThat(bounded.offer(withLines(0, 10, 64 << 10))).isTrue();
    assertThat(bounded.offer(withLines(1000, 6, 64 << 10))).isTrue();
    assertThat(bounded.lineChars()).isEqualTo(16L << 16);
    assertThat(bounded.offer(withLines(1600, 1, 64 << 10))).as("one line past the bound").isFalse();
    assertThat(bounded.offer(withLines(1600, 200, 0))).as("events without lines still fit").isTrue();
    assertThat(bounded.events()).isEqualTo(216);

    bounded.takeAppend(); // the first two batches, 16 events
    assertThat(bounded.lineChars()).isZero();
    assertThat(bounded.offer(withLines(22000, 16, 64 << 10))).isTrue();
  }

  @Test
  void aBatchWithMoreLineTextThanTheBoundIsTakenAloneIntoAnEmptyList() {
    PendingBatches bounded = new PendingBatches(100, 250, 1 << 20);
    assertThat(bounded.offer(withLines(0, 20, 64 << 10))).isTrue();
    assertThat(bounded.offer(withLines(2000, 1, 1))).isFalse();
  }
}
