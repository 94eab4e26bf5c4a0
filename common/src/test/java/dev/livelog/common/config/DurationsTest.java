package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsPartsAndBareSeconds() {
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aDurationTooLongForMillisecondsIsAnErrorNotAWrapOrASaturation() {
    assertThatThrownBy(() -> Durations.parse("9999999999999d")).hasMessageContaining("too long");
    assertThatThrownBy(() -> Durations.parse("106751991167d106751991167d")).hasMessageContaining("too long");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999")).hasMessageContaining("too long");
    assertThat(Durations.parse("106751991d")).isEqualTo(Duration.ofDays(106_751_991));
  }
}
