package dev.livelog.common.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolution of the charts, as the seed's {@code time_periods}: a datapoint every
 * {@code interval} over the last {@code window} of events, keeping {@code history} points;
 * {@code chart} holds display defaults for its panels ({@link ChartOptions}).
 */
public record PeriodConfig(String name, Duration interval, Duration window, Integer history,
    Map<String, Object> chart) {

  /** The seed's slack: a window is its interval plus five seconds, for lines still in transit. */
  public static final Duration WINDOW_SLACK = Duration.ofSeconds(5);

  public PeriodConfig {
    if (interval != null) {
      name = name == null ? Durations.format(interval) : name;
      window = window == null ? interval.plus(WINDOW_SLACK) : window;
    }
    history = history == null ? 144 : history;
    chart = chart == null ? Map.of() : new LinkedHashMap<>(chart);
  }

  public PeriodConfig(String name, Duration interval, Duration window, Integer history) {
    this(name, interval, window, history, null);
  }

  public static PeriodConfig of(Duration interval) {
    return new PeriodConfig(null, interval, null, null);
  }

  /** The seed's two periods: every 5 seconds and every 5 minutes, 144 points each. */
  public static List<PeriodConfig> defaults() {
    return List.of(of(Duration.ofSeconds(5)), of(Duration.ofMinutes(5)));
  }
}
