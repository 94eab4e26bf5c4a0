package dev.livelog.store;

import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.StoredAck;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredAcksTest {
  @Test
  void oneAckPerBatchWithItsByteRangeAndNewCount() {
    List<StoredAck> acks = StoredAcks.of(
        List.of(batch("a", "f1", 0, 3, T0), batch("b", "f2", 500, 2, T0)), List.of(3, 0));

    assertThat(acks).containsExactly(new StoredAck("a", "f1", 0, 300, 3, 3),
        new StoredAck("b", "f2", 500, 700, 2, 0));
  }

  @Test
  void refusesCountsThatDoNotMatchTheBatches() {
    assertThatThrownBy(() -> StoredAcks.of(List.of(batch("a", "f", 0, 1, T0)), List.of()))
        .hasMessageContaining("1 batches but 0 stored counts");
  }
}
