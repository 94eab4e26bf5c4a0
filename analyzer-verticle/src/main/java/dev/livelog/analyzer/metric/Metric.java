package dev.livelog.analyzer.metric;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.kind.Kind;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.common.where.Filter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a series measures over a window ({@code count}, {@code avg}, {@code percentile}, ...).
 * A metric is one class registered by one line in
 * {@code META-INF/services/dev.livelog.analyzer.metric.Metric}; the registered instance has
 * default parameters, and {@link #configured} gives the one an analyzer uses. It owns what is
 * recorded per event (its {@link Accumulator}), the series it feeds and their values, its
 * parameters, and what it asks of a store to compute the same from stored events.
 */
public interface Metric extends Kind {
  /** The longest lookback a metric may ask the live engine to keep. */
  Duration LONGEST_LOOKBACK = Duration.ofHours(6);

  /** Whether the analyzer must name the {@code field} this metric measures. */
  boolean needsField();

  /**
   * Whether, without {@code by}, the analyzer's {@code label} names its series ({@code top}
   * names them by the values it finds instead).
   */
  default boolean needsLabel() {
    return true;
  }

  /** The keys this metric reads from an analyzer beyond the common ones, e.g. {@code percentiles}. */
  default Set<String> parameters() {
    return Set.of();
  }

  /**
   * This metric as one analyzer uses it: its parameters read (with their defaults) and checked,
   * and any rule it has about the analyzer's common keys; a mistake is a
   * {@link dev.livelog.common.config.ConfigException} naming the key.
   */
  default Metric configured(AnalyzerConfig analyzer, MetricParameters parameters) {
    return this;
  }

  /**
   * Spans longer than a period's window that {@link #emit} reads through the window's
   * {@link Window#lookback()} (a burn rate over the last hour, say). The live engine keeps
   * them, per second, for the series of this metric only, at most {@link #LONGEST_LOOKBACK}.
   */
  default List<Duration> lookbacks() {
    return List.of();
  }

  /**
   * Figures the panel of a series of base name {@code base} shows beside its chart, each a
   * series' value over a long span of stored events (e.g. the error budget left over the SLO
   * period); none by default.
   */
  default List<PanelFigure> figures(String base) {
    return List.of();
  }

  /** An empty accumulator for one series key over some time (one second, or a window). */
  Accumulator newAccumulator();

  /**
   * The series one base name gives, known before any event. The base is the analyzer's label,
   * or a {@code by} value's series name.
   */
  List<String> seriesNames(String base);

  /** Puts the values of the series of one base name, over {@code window}, into {@code out}. */
  void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out);

  /**
   * Which events a series is computed from, for the drill-down: the base name it was named
   * from (null: any, for a metric whose series are its field's values) and what its events
   * meet beyond the analyzer's filter and key (a burn rate's bad events, a top value).
   */
  record SeriesEvents(String base, Filter filter) {}

  /**
   * The events behind {@code series} if it can be one of this metric's series; empty if not.
   * By default a series is its base name followed by what {@link #seriesNames} adds to it (a
   * percentile's {@code " p99"}), the longest such ending first, and its events are all those
   * that reach the metric.
   */
  default Optional<SeriesEvents> eventsOf(String series, String field) {
    List<String> endings = new ArrayList<>(seriesNames(""));
    endings.sort(Comparator.comparingInt(String::length).reversed());
    for (String ending : endings) {
      if (series.endsWith(ending) && series.length() > ending.length()) {
        return Optional.of(new SeriesEvents(series.substring(0, series.length() - ending.length()),
            Filter.ALL));
      }
    }
    return Optional.empty();
  }

  /**
   * The store query whose rows this metric's accumulators absorb, from the plain one (the
   * range, the filters, grouped by the analyzer's {@code by} field): by default with the
   * statistics of {@code field} when this metric measures one.
   */
  default AggregateQuery storeQuery(AggregateQuery plain, String field) {
    return needsField() ? plain.measuring(field) : plain;
  }
}
