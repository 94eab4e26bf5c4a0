package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reconnect delays: doubling with jitter, capped, reset after success. */
class SourceBackoffTest {
  @Test
  void delaysDoubleWithJitterUpToTheCapAndStartOverAfterAReset() {
    Backoff b = new Backoff(500, 30_000);
    long first = b.next();
    assertThat(first).isBetween(250L, 500L);
    long[] delays = new long[12];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = b.next();
    }
    assertThat(delays[0]).isBetween(500L, 1_000L);
    assertThat(delays[1]).isBetween(1_000L, 2_000L);
    assertThat(delays[11]).as("capped, half of it jitter").isBetween(15_000L, 30_000L);
    b.reset();
    assertThat(b.next()).isBetween(250L, 500L);
  }
}
