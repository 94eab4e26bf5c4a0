package dev.livelog.app;

import dev.livelog.analyzer.AnalyzerVerticle;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.parser.ParseCounters;
import dev.livelog.source.FollowedSource;
import dev.livelog.store.StoreVerticle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * livelog's own Prometheus metrics, beside Vert.x's: per source, lines read, parsed, failed
 * and stored, bytes read and behind, batches in flight, and the round trip of a batch to a
 * parser and back; the analyzer's events, late ones per period and future-dated ones. Each process reports what its roles see: a source node its reading, a
 * parser node its parsing, an analyzer node its storing.
 */
final class NodeMetrics {
  private final MeterRegistry registry;
  /** Micrometer holds what a meter reads only weakly: these keep it alive as long as the node. */
  private final List<Object> read = java.util.Collections.synchronizedList(new ArrayList<>());

  NodeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Meters of a source, reading whichever verticle follows it on this node now (a source may
   * move between nodes and back); NaN or 0 while none does.
   */
  void source(String id, Supplier<FollowedSource> current) {
    counter("livelog_source_lines_read", "lines read and sent to parsers", id, current,
        c -> status(c, "linesSent", 0));
    counter("livelog_source_bytes_read", "bytes read", id, current, c -> status(c, "bytesRead", 0));
    counter("livelog_source_files_lost", "files found gone with bytes unread (deleted while"
        + " livelog was stopped or disconnected)", id, current, c -> status(c, "filesLost", 0));
    gauge("livelog_source_bytes_behind", "bytes written to the source not yet read", id, current,
        c -> status(c, "bytesBehind", Double.NaN));
    gauge("livelog_source_batches_in_flight", "batches sent and not yet stored", id, current,
        c -> status(c, "inFlight", Double.NaN));
    gauge("livelog_bus_round_trip_seconds", "mean time from sending a batch to a parser's reply",
        id, current, c -> c.get() == null ? Double.NaN : c.get().meanRoundTripSeconds());
  }

  void parsing(String id, ParseCounters counters) {
    counter("livelog_lines_parsed", "lines parsed", id, counters, c -> c.lines(id) - c.failed(id));
    counter("livelog_lines_failed", "lines that did not parse (dead letters)", id, counters,
        c -> c.failed(id));
    counter("livelog_lines_truncated", "lines cut short in their last quoted value, parsed"
        + " with the fields they have (among the parsed)", id, counters, c -> c.truncated(id));
  }

  /** The analyzer's intake: events analyzed, late and after their tick per period, and dated in the future. */
  void analyzing(AnalyzerVerticle analyzer, List<PeriodConfig> periods, Set<String> groups) {
    read.add(analyzer);
    FunctionCounter.builder("livelog_analyzer_events", analyzer, a -> a.status().getLong("accepted"))
        .description("events counted into the live windows").register(registry);
    FunctionCounter.builder("livelog_analyzer_future_events", analyzer, a -> a.status().getLong("future"))
        .description("events dated more than 60 s ahead of this node's clock, not analyzed")
        .register(registry);
    FunctionCounter.builder("livelog_analyzer_mismatched_tries", analyzer,
            a -> a.status().getLong("mismatchedTries"))
        .description("events whose per-try upstream fields listed different numbers of tries"
            + " (tries past the measured field's entries counted without a value)")
        .register(registry);
    for (PeriodConfig period : periods) {
      FunctionCounter.builder("livelog_analyzer_late_events", analyzer,
              a -> a.status().getJsonObject("lateByPeriod").getLong(period.name(), 0L))
          .description("events that arrived after every datapoint of the period that should"
              + " have counted them (stored, and in /api/query, all the same)")
          .tag("period", period.name()).register(registry);
      FunctionCounter.builder("livelog_analyzer_after_tick_events", analyzer,
              a -> a.status().getJsonObject("afterTickByPeriod").getLong(period.name(), 0L))
          .description("events that arrived after the first datapoint of the period whose window"
              + " holds them was computed (later than the settle): that point did not count"
              + " them, its drill-down lists them")
          .tag("period", period.name()).register(registry);
      for (String group : groups) {
        Gauge.builder("livelog_analyzer_folded_keys", analyzer, a -> a.status()
                .getJsonObject("foldedKeys").getJsonObject(period.name(), new JsonObject())
                .getLong(group, 0L))
            .description("by-values folded into 'other' series (past their analyzer's max_series)"
                + " in the group's last datapoint of the period published by this node")
            .tag("period", period.name()).tag("group", group).register(registry);
      }
    }
  }

  /** The plot groups' series this node publishes, as {@code livelog_series} gauges. */
  SeriesGauges series() {
    return new SeriesGauges(registry);
  }

  void storing(String id, StoreVerticle store) {
    counter("livelog_events_stored", "events newly stored", id, store, s -> s.stored(id));
  }

  private <T> void counter(String name, String help, String source, T obj, ToDoubleFunction<T> f) {
    read.add(obj);
    FunctionCounter.builder(name, obj, f).description(help).tag("source", source).register(registry);
  }

  private <T> void gauge(String name, String help, String source, T obj, ToDoubleFunction<T> f) {
    read.add(obj);
    Gauge.builder(name, obj, f).description(help).tag("source", source).register(registry);
  }

  private static double status(Supplier<FollowedSource> current, String key, double none) {
    FollowedSource source = current.get();
    Number n = source == null ? null : source.status().getNumber(key);
    return n == null ? none : n.doubleValue();
  }
}
