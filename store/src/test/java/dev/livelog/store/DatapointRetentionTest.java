package dev.livelog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.PeriodConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which datapoints are kept how long, and which period draws a chart's baseline. */
class DatapointRetentionTest {
  private static final long HOUR = 3_600_000;
  private static final long DAY = 24 * HOUR;
  private static final long NOW = 1_764_064_800_000L;
  private final DatapointRetention retention = new DatapointRetention(Duration.ofDays(7));
  private final PeriodConfig second = new PeriodConfig("1s", Duration.ofSeconds(1), null, 300);
  private final PeriodConfig five = PeriodConfig.of(Duration.ofSeconds(5));
  private final PeriodConfig minute = PeriodConfig.of(Duration.ofMinutes(1));
  private final PeriodConfig fiveMinutes = PeriodConfig.of(Duration.ofMinutes(5));
  private final List<PeriodConfig> periods = List.of(second, five, minute, fiveMinutes);

  @Test
  void coarsePeriodsKeepTheRetentionAndADayFinePeriodsABoundedNumberOfPoints() {
    assertThat(retention.keptMillis(fiveMinutes)).isEqualTo(8 * DAY);
    assertThat(retention.keptMillis(minute)).isEqualTo(8 * DAY);
    assertThat(retention.keptMillis(five)).isEqualTo(16 * HOUR);
    assertThat(retention.keptMillis(second)).isEqualTo(DatapointRetention.MAX_POINTS * 1000L);
    PeriodConfig longHistory = new PeriodConfig("1s", Duration.ofSeconds(1), null, 20_000);
    assertThat(retention.keptMillis(longHistory)).as("never less than the live history").isEqualTo(20_000_000L);
  }

  @Test
  void aBaselineComesFromTheFinestPeriodStillKeptThatFar() {
    // A 5 s chart of 12 minutes: an hour earlier from its own period, a day earlier from the
    // minutes, a week earlier too; a week and two days earlier, from what is kept longest.
    long span = 12 * 60_000;
    assertThat(source(5_000, NOW - HOUR - span, NOW - HOUR)).isEqualTo(five);
    assertThat(source(5_000, NOW - DAY - span, NOW - DAY)).isEqualTo(minute);
    assertThat(source(5_000, NOW - 7 * DAY - span, NOW - 7 * DAY)).isEqualTo(minute);
    assertThat(source(5_000, NOW - 9 * DAY - span, NOW - 9 * DAY)).isEqualTo(minute);
    // Never finer than the chart; finer only when nothing is as coarse.
    assertThat(source(300_000, NOW - DAY - 12 * HOUR, NOW - DAY)).isEqualTo(fiveMinutes);
    assertThat(source(3_600_000, NOW - DAY - 12 * HOUR, NOW - DAY)).isEqualTo(fiveMinutes);
  }

  @Test
  void aBaselineIsNeverMorePointsThanServed() {
    // Six days of a 1 s chart: only 5-minute points fit in 2000.
    assertThat(source(1_000, NOW - 13 * DAY, NOW - 7 * DAY)).isEqualTo(fiveMinutes);
    assertThat(retention.sourceFor(List.of(second), 1_000, NOW - 8 * DAY, NOW - DAY, NOW, 2_000)).isEmpty();
  }

  private PeriodConfig source(long step, long from, long to) {
    return retention.sourceFor(periods, step, from, to, NOW, 2_000).orElseThrow();
  }
}
