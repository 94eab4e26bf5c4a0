package dev.livelog.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void exactDoublesFrom100MillisUpTo5SecondsAndStartsOverAfterReset() {
    Backoff backoff = Backoff.exact(100, 5_000);

    assertThat(LongStream.range(0, 8).map(i -> backoff.nextDelayMillis()).toArray())
        .containsExactly(100, 200, 400, 800, 1600, 3200, 5000, 5000);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(100);
  }

  /** Reconnect delays: doubling with jitter, capped, reset after success. */
  @Test
  void equalJitterDelaysDoubleWithJitterUpToTheCapAndStartOverAfterAReset() {
    Backoff b = Backoff.equalJitter(500, 30_000);
    long first = b.nextDelayMillis();
    assertThat(first).isBetween(250L, 500L);
    long[] delays = new long[12];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = b.nextDelayMillis();
    }
    assertThat(delays[0]).isBetween(500L, 1_000L);
    assertThat(delays[1]).isBetween(1_000L, 2_000L);
    assertThat(delays[11]).as("capped, half of it jitter").isBetween(15_000L, 30_000L);
    b.reset();
    assertThat(b.nextDelayMillis()).isBetween(250L, 500L);
  }

  @Test
  void equalJitterSpreadsOverTheUpperHalfOfTheStep() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      long delay = Backoff.equalJitter(1_000, 1_000).nextDelayMillis();
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertThat(min).as("never less than half the step").isBetween(500L, 520L);
    assertThat(max).as("up to the whole step").isBetween(980L, 1_000L);
  }
}
