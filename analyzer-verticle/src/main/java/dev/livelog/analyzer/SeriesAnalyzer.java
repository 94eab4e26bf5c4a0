package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Accumulator;
import dev.livelog.analyzer.metric.Metric;
import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.Condition;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One analyzer of a plot group: its filter, its metric over a field, and the series it feeds:
 * one named by its label, or one per value of its {@code by} field (e.g. per upstream server),
 * each as its metric names them (one series, one per percentile, one per frequent value).
 * Without declared {@code values}, at most {@code max_series} by-values get series of their
 * own, the most frequent ({@link SeriesAdmission} picks them as events come); the others are
 * folded into one {@code other} series ({@link KeyedSeries}).
 */
final class SeriesAnalyzer {
  /** Series per analyzer when {@code max_series} is not given. */
  static final int DEFAULT_MAX_SERIES = 50;
  /** The most {@code max_series} may be: each second holds up to twice as many accumulators. */
  static final int MAX_MAX_SERIES = 1000;
  /**
   * With {@code by_class} or {@code by_prefix} a store groups by the raw values, several of
   * which make one series: it keeps this many times {@code max_series} of them per bucket.
   */
  private static final int RAW_KEYS_PER_SERIES = 20;

  private final AnalyzerConfig config;
  private final Metric metric;
  private final Filter where;
  private final EventFilter filter;
  private final FieldRef by;
  private final FieldRef field;
  private final ByValue byValue;
  /** Without {@code by}, every event goes to one accumulator, under this key. */
  private final String onlyKey;
  private final long lookbackSeconds;
  private final int maxSeries;

  SeriesAnalyzer(AnalyzerConfig config, Metric metric, Filter where) {
    this.config = config;
    this.metric = metric;
    this.where = where;
    this.filter = EventFilter.compile(where);
    this.by = config.by() == null ? null : new FieldRef(config.by());
    this.field = config.field() == null ? null : new FieldRef(config.field());
    this.byValue = ByValue.of(config);
    this.onlyKey = config.label() == null ? "" : config.label();
    this.lookbackSeconds = metric.lookbacks().stream().mapToLong(java.time.Duration::toSeconds).max().orElse(0);
    this.maxSeries = Math.max(config.values().size(),
        config.maxSeries() == null ? DEFAULT_MAX_SERIES : config.maxSeries());
  }

  /** The longest span this analyzer's metric reads beyond the window, in seconds (0: none). */
  long lookbackSeconds() {
    return lookbackSeconds;
  }

  /**
   * What this analyzer (which has no {@code by}: a metric with lookbacks refuses it) saw over
   * a span, as its metric asks for it by base name: null for another base name.
   */
  Window.Span span(String base, KeyedSeries seen, long groupEvents) {
    return by != null || !onlyKey.equals(base) ? null
        : new Window.Span(seenOrEmpty(seen, onlyKey), groupEvents);
  }

  /** The figures of this analyzer's series (the base name is its label: no {@code by}). */
  List<dev.livelog.analyzer.metric.PanelFigure> figures() {
    return by == null ? metric.figures(config.label()) : List.of();
  }

  /** Empty series for some time. */
  KeyedSeries newSeries() {
    return new KeyedSeries(metric, maxSeries);
  }

  /** Several spans' series merged into one, within the cap. */
  KeyedSeries merged(List<KeyedSeries> parts) {
    return KeyedSeries.merged(parts, metric, maxSeries);
  }

  /**
   * The series names known before any event: the label's, or each declared {@code values}'
   * (top values and undeclared by-values appear as they are seen).
   */
  List<String> declaredSeries() {
    List<String> names = new ArrayList<>();
    if (by == null) {
      names.addAll(metric.seriesNames(config.label()));
    } else {
      config.values().forEach(v -> names.addAll(metric.seriesNames(config.seriesName(v))));
    }
    return names;
  }

  /**
   * What picks the by-values that get series, for one consumer of events (the live engine, a
   * thread of an analysis); null without {@code by} or with declared {@code values}, where
   * there are few keys.
   */
  SeriesAdmission newAdmission() {
    return by == null || !config.values().isEmpty() ? null : new SeriesAdmission(2 * maxSeries);
  }

  /**
   * Adds an event that passes this analyzer's filter to its series. A {@code by} value that is
   * a list (nginx's {@code $upstream_addr}, one entry per upstream server tried) adds each try
   * to its own entry's series, with that try's value of the field.
   *
   * @return whether the {@code by} field and the field listed different numbers of tries (a
   *     malformed line: tries past the field's entries count unmeasured, entries past the tries
   *     count nowhere), for the caller to count
   */
  boolean add(LogEvent event, KeyedSeries series, SeriesAdmission admission) {
    if (!filter.test(event)) {
      return false;
    }
    if (by == null) {
      series.at(onlyKey).add(event, field);
      return false;
    }
    Object value = by.get(event);
    if (value instanceof List<?> tries) {
      return addTries(event, tries, series, admission);
    }
    String key = shownKey(byValue.key(value));
    if (key != null) {
      accumulator(key, series, admission).add(event, field);
    }
    return false;
  }

  private boolean addTries(LogEvent event, List<?> tries, KeyedSeries series, SeriesAdmission admission) {
    for (int attempt = 0; attempt < tries.size(); attempt++) {
      String key = shownKey(byValue.key(tries.get(attempt)));
      if (key != null) {
        accumulator(key, series, admission).addTry(event, field, attempt);
      }
    }
    return field != null && field.get(event) instanceof List<?> values && values.size() != tries.size();
  }

  private Accumulator accumulator(String key, KeyedSeries series, SeriesAdmission admission) {
    return admission == null || admission.admits(key) ? series.at(key) : series.fold(key);
  }

  /**
   * The store query that gives this analyzer's accumulators over stored events: grouped by
   * its {@code by} field, the most frequent values per bucket and the rest folded, so a
   * bucket answers a bounded number of rows.
   */
  AggregateQuery query(Filter groupWhere, long from, long to, long step) {
    AggregateQuery plain = AggregateQuery.counting(from, to, step, List.of(groupWhere, where))
        .groupedBy(config.by());
    if (by != null) {
      boolean raw = !config.byClass() && config.byPrefix() == null && config.values().isEmpty();
      plain = plain.foldBeyond(raw ? maxSeries : maxSeries * RAW_KEYS_PER_SERIES);
    }
    return metric.storeQuery(plain, config.field());
  }

  /** Adds a row of that query's result to the series, as {@link #add} would have. */
  void absorb(BucketStats row, KeyedSeries series) {
    if (row.folded() > 0) {
      if (config.values().isEmpty()) {
        series.absorb(null, row);
      }
      return;
    }
    String key = by == null ? onlyKey
        : shownKey(row.key().isEmpty() ? null : byValue.key(row.key()));
    if (key != null) {
      series.absorb(key, row);
    }
  }

  /**
   * Puts this analyzer's series values into {@code out}: declared series first (zero or no data
   * when nothing matched), then the values seen, sorted, then {@code other} when values were
   * folded, with how many into {@code folded}.
   */
  void emit(KeyedSeries seen, Window window, Map<String, Double> out, Map<String, Long> folded) {
    if (by == null) {
      metric.emit(config.label(), seenOrEmpty(seen, onlyKey), window, out);
      return;
    }
    for (String declared : config.values()) {
      metric.emit(config.seriesName(declared), seenOrEmpty(seen, declared), window, out);
    }
    if (!config.values().isEmpty()) {
      return;
    }
    KeyedSeries shown = seen.size() > maxSeries ? merged(List.of(seen)) : seen;
    Accumulator other = null;
    if (shown.anyFolded()) {
      // A value that is literally "other" is shown with the folded ones.
      other = metric.newAccumulator();
      other.merge(shown.other());
    }
    for (String value : shown.keys()) {
      if (other != null && value.equals(KeyedSeries.OTHER)) {
        other.merge(shown.get(value));
      } else {
        metric.emit(config.seriesName(value), shown.get(value), window, out);
      }
    }
    if (other != null) {
      String name = config.seriesName(KeyedSeries.OTHER);
      metric.emit(name, other, window, out);
      folded.put(name, shown.folded());
    }
  }

  /**
   * Whether {@code series} is one of this analyzer's: a name its metric makes from a base name
   * of it (its label, a by-value's series name) or, with {@code wildcard}, from any name (a
   * top's values: tried last).
   */
  boolean makes(String series, boolean wildcard) {
    return named(series, wildcard).isPresent();
  }

  /**
   * Whether {@code series} is this analyzer's {@code other}, which folds the by-values past
   * {@code max_series}: its events are those of the values a point did not show by name.
   */
  boolean folds(String series) {
    return named(series, false).map(n -> n.value() != null && isOther(n.value())).orElse(false);
  }

  /**
   * The filters of the events behind one of this analyzer's series ({@link #makes}): the
   * analyzer's {@code where}, its key's condition ({@link ByValue#valuesOf}) and what the
   * metric adds ({@link Metric#eventsOf}). For the {@code other} series, the key's condition
   * is that of the values not among those of {@code shown}, the series a point showed by name
   * (its by-values, at most {@code max_series}: {@link ByValue#noneOf}).
   *
   * @throws IllegalArgumentException for the {@code other} series without {@code shown}
   */
  List<Filter> eventsOf(String series, boolean wildcard, Collection<String> shown) {
    Named named = named(series, wildcard).orElseThrow();
    return List.of(where, keyFilter(named.value(), shown), named.events().filter());
  }

  /** How a series name reads: its metric's part, and the by-value (null: no by). */
  private record Named(Metric.SeriesEvents events, String value) {}

  private Optional<Named> named(String series, boolean wildcard) {
    Optional<Metric.SeriesEvents> found = metric.eventsOf(series, config.field())
        .filter(f -> (f.base() == null) == wildcard);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String base = found.get().base();
    if (base == null || by == null) {
      return base == null || base.equals(onlyKey) ? Optional.of(new Named(found.get(), null))
          : Optional.empty();
    }
    String label = config.label();
    String value = label == null ? base
        : base.startsWith(label + " ") ? base.substring(label.length() + 1) : null;
    if (value == null || (!config.values().isEmpty() && !config.values().contains(value))
        || (!isOther(value) && byValue.valuesOf(value) == null)) {
      return Optional.empty();
    }
    return Optional.of(new Named(found.get(), value));
  }

  /** Whether a by-value is the one of the {@code other} series (no {@code values} declared). */
  private boolean isOther(String value) {
    return value.equals(KeyedSeries.OTHER) && config.values().isEmpty();
  }

  /** The condition on the by field: none without by, its values' with it. */
  private Filter keyFilter(String value, Collection<String> shown) {
    if (value == null) {
      return Filter.ALL;
    }
    List<Condition> values;
    if (isOther(value)) {
      if (shown == null) {
        throw new IllegalArgumentException("'" + config.seriesName(value) + "' folds the values of '"
            + config.by() + "' beyond the " + maxSeries + " most frequent, which differ from one"
            + " datapoint to the next: its events are told by the series its point showed by name");
      }
      Set<String> keys = new LinkedHashSet<>();
      for (String name : shown) {
        named(name, false).map(Named::value).filter(v -> !isOther(v)).ifPresent(keys::add);
      }
      values = byValue.noneOf(keys);
    } else {
      values = List.of(byValue.valuesOf(value));
    }
    // A request counts for the key of each of its tries (a list: nginx's $upstream_addr).
    List<FieldCondition> conditions = new ArrayList<>();
    values.forEach(c -> conditions.add(new FieldCondition(config.by(), new Condition.AnyTry(c))));
    return new Filter(conditions, conditions.size() > 1);
  }

  /** A by-value's key, or null when it has none or is not among the declared values. */
  private String shownKey(String value) {
    return value == null || (!config.values().isEmpty() && !config.values().contains(value))
        ? null : value;
  }

  private Accumulator seenOrEmpty(KeyedSeries seen, String key) {
    Accumulator acc = seen.get(key);
    return acc == null ? metric.newAccumulator() : acc;
  }
}
