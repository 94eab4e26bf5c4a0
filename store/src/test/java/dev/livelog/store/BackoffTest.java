package dev.livelog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesFrom100MillisUpTo5SecondsAndStartsOverAfterReset() {
    Backoff backoff = Backoff.standard();

    assertThat(LongStream.range(0, 8).map(i -> backoff.nextDelayMillis()).toArray())
        .containsExactly(100, 200, 400, 800, 1600, 3200, 5000, 5000);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(100);
  }
}
