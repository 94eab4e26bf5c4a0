package dev.livelog.common.config;

import java.time.Duration;
import java.util.List;

/**
 * A resolution of the charts, as the seed's {@code time_periods}: a datapoint every
 * {@code interval} over the last {@code window} of events, keeping {@code history} points.
 */
public record PeriodConfig(String name, Duration interval, Duration window, Integer history) {

  /** The seed's slack: a window is its interval plus five seconds, for lines still in transit. */
  public static final Duration WINDOW_SLACK = Duration.ofSeconds(5);

  public PeriodConfig {
    if (interval != null) {
      name = name == null ? Durations.format(interval) : name;
      window = window == null ? interval.plus(WINDOW_SLACK) : window;
    }
    history = history == null ? 144 : history;
  }

  public static PeriodConfig of(Duration interval) {
    return new PeriodConfig(null, interval, null, null);
  }

  /** The seed's two periods: every 5 seconds and every 5 minutes, 144 points each. */
  public static List<PeriodConfig> defaults() {
    return List.of(of(Duration.ofSeconds(5)), of(Duration.ofMinutes(5)));
  }
}
