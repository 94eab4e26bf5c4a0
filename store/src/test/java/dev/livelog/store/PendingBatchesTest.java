package dev.livelog.store;

import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.EventBatch;
import org.junit.jupiter.api.Test;

class PendingBatchesTest {
  private final PendingBatches pending = new PendingBatches(100, 250);

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
}
