package dev.livelog.common.config;

import java.time.Duration;

/**
 * How lines move: a batch closes at {@code batch_lines} lines or after {@code batch_delay};
 * a source has at most {@code in_flight} batches not yet stored, and pauses when it has sent
 * that many. Lines longer than {@code max_line_length} characters are cut.
 */
public record PipelineConfig(Integer batchLines, Duration batchDelay, Integer inFlight,
    Integer maxLineLength, Duration tickDelay) {

  public PipelineConfig {
    batchLines = batchLines == null ? 1000 : batchLines;
    batchDelay = batchDelay == null ? Duration.ofMillis(100) : batchDelay;
    inFlight = inFlight == null ? 8 : inFlight;
    maxLineLength = maxLineLength == null ? 64 * 1024 : maxLineLength;
  }

  public static PipelineConfig defaults() {
    return new PipelineConfig(null, null, null, null, null);
  }
}
