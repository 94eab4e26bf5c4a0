package dev.livelog.analyzer.metric;

import java.time.Duration;

/**
 * A figure a panel shows beside its chart: {@code series}' value over the last {@code span}
 * of stored events (the panel asks {@code /api/query} for one bucket that long), shown as
 * {@code offset + scale * value} in {@code format}, after {@code title}.
 */
public record PanelFigure(String title, String series, Duration span, double offset, double scale,
    String format) {}
