package dev.livelog.analyzer.metric;

/**
 * What a metric's value may depend on beyond its own accumulator: the events of the plot
 * group over the window (those passing the group's {@code where}; a share is a percent of
 * them), the window's length in seconds (a rate is per second of it), and, for a metric with
 * {@link Metric#lookbacks()}, what its series saw over longer spans ending where the window
 * ends.
 */
public record Window(long groupEvents, double seconds, Lookback lookback) {

  public Window(long groupEvents, double seconds) {
    this(groupEvents, seconds, Lookback.NONE);
  }

  /** A series' accumulator and the group's events over a span. */
  public record Span(Accumulator accumulator, long groupEvents) {}

  /** The spans the live engine keeps for the metrics that ask for them. */
  @FunctionalInterface
  public interface Lookback {
    /** None kept: series from stored events, {@code analyze}. */
    Lookback NONE = (base, seconds) -> null;

    /**
     * What the series of base name {@code base} saw over the last {@code seconds} (one of its
     * metric's lookbacks), or null when no such span is kept.
     */
    Span over(String base, long seconds);
  }
}
