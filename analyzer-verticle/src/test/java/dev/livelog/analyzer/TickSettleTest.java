package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long after its time a tick waits for its lines: the batch delay, a host's poll, a second. */
class TickSettleTest {
  @Test
  void localSourcesWaitTheBatchDelayAndASecond() {
    assertThat(TickSettle.of(ConfigLoader.parse("sources: [{id: a, path: /var/log/a.log}]")))
        .isEqualTo(Duration.ofMillis(1_100));
    assertThat(TickSettle.of(ConfigLoader.parse("""
        pipeline: {batch_delay: 400ms}
        sources: [{id: a, path: /var/log/a.log}]
        """))).isEqualTo(Duration.ofMillis(1_400));
  }

  @Test
  void aSourceOnAHostAlsoWaitsForTheSlowestPollOfTheHostsItsSourcesUse() {
    assertThat(TickSettle.of(ConfigLoader.parse("""
        hosts:
          quick: {hostname: a.example}
          slow: {hostname: b.example, poll_interval: 2s}
          unused: {hostname: c.example, poll_interval: 9s}
        sources:
          - {id: a, host: quick, path: /var/log/a.log}
          - {id: b, host: slow, path: /var/log/b.log}
          - {id: c, path: /var/log/c.log}
        """))).isEqualTo(Duration.ofMillis(100 + 2_000 + 1_000));
  }

  @Test
  void aConfiguredTickDelayIsTheSettle() {
    assertThat(TickSettle.of(ConfigLoader.parse("""
        pipeline: {tick_delay: 5s}
        hosts: {slow: {hostname: b.example, poll_interval: 2s}}
        sources: [{id: a, host: slow, path: /var/log/a.log}]
        """))).isEqualTo(Duration.ofSeconds(5));
  }
}
