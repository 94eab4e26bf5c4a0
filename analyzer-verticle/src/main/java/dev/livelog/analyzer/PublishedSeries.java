package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;

/**
 * Hears what an analyzer publishes (the groups whose lease it holds) and when it stops
 * publishing a group (the lease went to another node): e.g. to export the series to Prometheus
 * from the one node that computes them. Called on the analyzer's event loop.
 */
public interface PublishedSeries {
  /** A datapoint this analyzer published (backfilled ones too, older than the last). */
  void published(Datapoint point);

  /** This analyzer no longer publishes the group at the period. */
  void released(String period, String group);
}
