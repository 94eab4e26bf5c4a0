package dev.livelog.analyzer;

import dev.livelog.common.config.HostConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import java.time.Duration;

/**
 * How long after a tick's time its datapoint is computed: long enough for a line written just
 * before that time to have reached the analyzer under normal operation, so that the datapoint
 * counts every event of its window that the store holds (and a drill-down lists).
 *
 * <p>A line written at the last moment of a window waits, on its way:
 * <ul>
 *   <li>for its source to read it: a local file is read again at most 100 ms after a read found
 *       nothing ({@code SourceVerticle}'s poll); over SSH the follow program looks at the file
 *       every {@code poll_interval} of its host (250 ms unless configured), then the network;</li>
 *   <li>in its batch, at most {@code pipeline.batch_delay}; the batch leaves at the source's next
 *       look at it, at most 100 ms (the same poll) later;</li>
 *   <li>to be parsed and published to the analyzer: milliseconds.</li>
 * </ul>
 * So the settle is {@code batch_delay}, plus the slowest host poll of a source that names a
 * host, plus one second for the rest: the local poll and the batch's departure (at most 200 ms
 * together), parsing and the bus, and a loaded machine's pauses (a collection, a busy core).
 * Smaller would miss lines on a busy node; larger only delays every point (and what alert rules
 * judge on it) without counting more. Lines later than this (a source down, catching up or
 * lagging; nginx's own {@code access_log ... buffer=}) are counted by the engine as arriving
 * after their tick ({@link AnalyticsEngine#afterTickFor}). Where the pauses are longer (a
 * loaded or distant cluster), {@code pipeline.tick_delay} sets the settle itself.
 */
public final class TickSettle {
  /** The pipeline's steps besides the batch delay and a host's poll, with room for pauses. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  private TickSettle() {}

  /** {@code pipeline.tick_delay} when set, else the derived settle above. */
  public static Duration of(LivelogConfig config) {
    if (config.pipeline().tickDelay() != null) {
      return config.pipeline().tickDelay();
    }
    Duration slowestHostPoll = Duration.ZERO;
    for (SourceConfig source : config.sources()) {
      HostConfig host = source.has("host") ? config.hosts().get(source.text("host")) : null;
      if (host != null && host.pollInterval().compareTo(slowestHostPoll) > 0) {
        slowestHostPoll = host.pollInterval();
      }
    }
    return config.pipeline().batchDelay().plus(slowestHostPoll).plus(MARGIN);
  }
}
