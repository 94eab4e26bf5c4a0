package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightWindowTest {
  @Test
  void committedAdvancesOnlyOverAPrefixOfAcknowledgedBatches() {
    InFlightWindow w = new InFlightWindow(3, 0);
    w.sent(0, 10, 1);
    w.sent(10, 20, 2);
    w.sent(20, 30, 3);
    assertThat(w.hasRoom()).isFalse();
    assertThat(w.ack(10, 20)).isFalse();
    assertThat(w.committed()).isZero();
    assertThat(w.oldestSentAt()).isEqualTo(1);
    assertThat(w.ack(0, 10)).isTrue();
    assertThat(w.committed()).isEqualTo(20);
    assertThat(w.size()).isEqualTo(1);
    assertThat(w.ack(99, 100)).isFalse();
    w.rewind();
    assertThat(w.isEmpty()).isTrue();
    assertThat(w.committed()).isEqualTo(20);
  }
}
