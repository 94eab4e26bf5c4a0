package dev.livelog.analyzer.metric;

/**
 * What a metric's value may depend on beyond its own accumulator: the events of the plot
 * group over the window (those passing the group's {@code where}; a share is a percent of
 * them) and the window's length in seconds (a rate is per second of it).
 */
public record Window(long groupEvents, double seconds) {}
