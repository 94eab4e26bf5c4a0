package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.common.where.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A compiled plot group: its where clause and its analyzers, feeding {@link GroupStats}. */
public final class GroupPlan {
  private final String name;
  private final GroupConfig config;
  private final Filter whereClause;
  private final EventFilter where;
  private final SeriesAnalyzer[] analyzers;

  GroupPlan(String name, GroupConfig config, Filter where, List<SeriesAnalyzer> analyzers) {
    this.name = name;
    this.config = config;
    this.whereClause = where;
    this.where = EventFilter.compile(where);
    this.analyzers = analyzers.toArray(SeriesAnalyzer[]::new);
  }

  /**
   * The store queries whose results {@link #absorb} turns into this group's statistics per
   * bucket: the group's total first, then one per analyzer.
   */
  public List<AggregateQuery> queries(long from, long to, long step) {
    List<AggregateQuery> queries = new ArrayList<>();
    queries.add(AggregateQuery.counting(from, to, step, List.of(whereClause)));
    for (SeriesAnalyzer a : analyzers) {
      queries.add(a.query(whereClause, from, to, step));
    }
    return queries;
  }

  /** Adds the rows of query {@code q} (as ordered by {@link #queries}) to per-bucket statistics. */
  public void absorb(int q, List<BucketStats> rows, Map<Long, GroupStats> buckets) {
    for (BucketStats row : rows) {
      GroupStats stats = buckets.computeIfAbsent(row.bucket(), b -> newStats());
      if (q == 0) {
        stats.total += row.count();
      } else {
        analyzers[q - 1].absorb(row, stats.series[q - 1]);
      }
    }
  }

  /**
   * The filters of the stored events behind a series of this group's datapoints (the group's
   * {@code where}, then its analyzer's filters; null or empty: every event of the group), or
   * empty when no analyzer of the group makes that series. Where two analyzers could, the one
   * whose value a datapoint shows wins (the last; a top metric's values only when no other
   * analyzer names the series).
   *
   * @throws IllegalArgumentException for an {@code other} series of a by ({@link #folds})
   */
  public Optional<List<Filter>> eventsOf(String series) {
    return eventsOf(series, null);
  }

  /**
   * Like {@link #eventsOf(String)}; the events of an {@code other} series of a by are those of
   * the values not among the series of its analyzer in {@code shown}, the series names a point
   * showed (null: not known, an {@link IllegalArgumentException}).
   */
  public Optional<List<Filter>> eventsOf(String series, Collection<String> shown) {
    if (series == null || series.isEmpty()) {
      return Optional.of(List.of(whereClause));
    }
    return maker(series).map(m -> {
      List<Filter> all = new ArrayList<>();
      all.add(whereClause);
      List<String> mine = shown == null ? null
          : shown.stream().filter(name -> maker(name).equals(Optional.of(m))).toList();
      analyzers[m.index()].eventsOf(series, m.wildcard(), mine).stream()
          .filter(f -> !f.isEmpty()).forEach(all::add);
      return all;
    });
  }

  /**
   * Whether a series is an analyzer's {@code other}, which folds the by-values past its
   * {@code max_series}: which events it stands for depends on the series a point showed.
   */
  public boolean folds(String series) {
    return series != null && !series.isEmpty()
        && maker(series).map(m -> !m.wildcard() && analyzers[m.index()].folds(series)).orElse(false);
  }

  /** The analyzer that makes a series, by the precedence {@link #eventsOf(String)} says. */
  private Optional<Maker> maker(String series) {
    for (boolean wildcard : new boolean[] {false, true}) {
      for (int i = analyzers.length - 1; i >= 0; i--) {
        if (analyzers[i].makes(series, wildcard)) {
          return Optional.of(new Maker(i, wildcard));
        }
      }
    }
    return Optional.empty();
  }

  private record Maker(int index, boolean wildcard) {}

  public String name() {
    return name;
  }

  public GroupConfig config() {
    return config;
  }

  /** The series names known before any event, in the order {@link #values} gives them. */
  public List<String> declaredSeries() {
    List<String> names = new ArrayList<>();
    for (SeriesAnalyzer a : analyzers) {
      names.addAll(a.declaredSeries());
    }
    return names;
  }

  /** The longest span a metric of this group reads beyond the window, in seconds (0: none). */
  public long lookbackSeconds() {
    long longest = 0;
    for (SeriesAnalyzer a : analyzers) {
      longest = Math.max(longest, a.lookbackSeconds());
    }
    return longest;
  }

  /** The figures its panels show beside the chart, from its metrics. */
  public List<dev.livelog.analyzer.metric.PanelFigure> figures() {
    List<dev.livelog.analyzer.metric.PanelFigure> out = new ArrayList<>();
    for (SeriesAnalyzer a : analyzers) {
      out.addAll(a.figures());
    }
    return out;
  }

  /**
   * Adds an event to the statistics of a second kept for lookbacks: the group's total, and the
   * series of the analyzers whose metrics read lookbacks only (the others would only cost).
   */
  public void addLookback(LogEvent event, GroupStats stats) {
    if (!where.test(event)) {
      return;
    }
    stats.total++;
    for (int i = 0; i < analyzers.length; i++) {
      if (analyzers[i].lookbackSeconds() > 0) {
        analyzers[i].add(event, stats.series[i], null); // no by: every event has the one key
      }
    }
  }

  /**
   * The lookbacks of this group's metrics over the statistics of spans ({@code spans}: the
   * group's statistics over the last so many seconds).
   */
  public Window.Lookback lookback(java.util.function.LongFunction<GroupStats> spans) {
    return (base, seconds) -> {
      GroupStats span = spans.apply(seconds);
      for (int i = 0; i < analyzers.length; i++) {
        Window.Span found = analyzers[i].lookbackSeconds() > 0
            ? analyzers[i].span(base, span.series[i], span.total) : null;
        if (found != null) {
          return found;
        }
      }
      return null;
    };
  }

  public GroupStats newStats() {
    return new GroupStats(analyzers);
  }

  /**
   * Statistics of several spans merged into one (a window of seconds or of stored buckets, the
   * threads of an analysis): totals added, each analyzer's series merged within its cap.
   */
  public GroupStats merged(List<GroupStats> parts) {
    GroupStats out = newStats();
    List<KeyedSeries> series = new ArrayList<>(parts.size());
    for (int i = 0; i < analyzers.length; i++) {
      series.clear();
      for (GroupStats p : parts) {
        series.add(p.series[i]);
      }
      out.series[i] = analyzers[i].merged(series);
    }
    for (GroupStats p : parts) {
      out.total += p.total;
    }
    return out;
  }

  /**
   * The per-analyzer state that picks which by-values get series ({@link SeriesAdmission}): one
   * for each consumer of events, kept across the seconds it adds to; plans themselves hold none.
   */
  public Admissions newAdmissions() {
    SeriesAdmission[] byAnalyzer = new SeriesAdmission[analyzers.length];
    for (int i = 0; i < analyzers.length; i++) {
      byAnalyzer[i] = analyzers[i].newAdmission();
    }
    return new Admissions(byAnalyzer);
  }

  /**
   * Which by-values of each analyzer get series (see {@link #newAdmissions}), and how many
   * events this consumer found with per-try lists of different lengths.
   */
  public static final class Admissions {
    private final SeriesAdmission[] byAnalyzer;
    private long mismatchedTries;

    private Admissions(SeriesAdmission[] byAnalyzer) {
      this.byAnalyzer = byAnalyzer;
    }

    /**
     * Events whose {@code by} field and measured field listed different numbers of upstream
     * tries (counted once per analyzer that found it).
     */
    public long mismatchedTries() {
      return mismatchedTries;
    }
  }

  public void add(LogEvent event, GroupStats stats, Admissions admissions) {
    if (!where.test(event)) {
      return;
    }
    stats.total++;
    for (int i = 0; i < analyzers.length; i++) {
      if (analyzers[i].add(event, stats.series[i], admissions.byAnalyzer[i])) {
        admissions.mismatchedTries++;
      }
    }
  }

  /** Every series' value over the accumulated events, in a stable order. */
  public Map<String, Double> values(GroupStats stats, double windowSeconds) {
    return values(stats, windowSeconds, Window.Lookback.NONE);
  }

  /** The same, with the spans kept for the metrics' lookbacks. */
  public Map<String, Double> values(GroupStats stats, double windowSeconds, Window.Lookback lookback) {
    return datapoint("", 0, stats, windowSeconds, lookback).values();
  }

  /** The group's datapoint of a period at {@code time} (no lookbacks: see below). */
  public Datapoint datapoint(String period, long time, GroupStats stats, double windowSeconds) {
    return datapoint(period, time, stats, windowSeconds, Window.Lookback.NONE);
  }

  /**
   * The group's datapoint of a period at {@code time} over the accumulated events, with the
   * spans kept for the metrics' lookbacks: every series' value, in a stable order, and what
   * each {@code other} series folded.
   */
  public Datapoint datapoint(String period, long time, GroupStats stats, double windowSeconds,
      Window.Lookback lookback) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Long> folded = new LinkedHashMap<>();
    Window window = new Window(stats.total, windowSeconds, lookback);
    for (int i = 0; i < analyzers.length; i++) {
      analyzers[i].emit(stats.series[i], window, values, folded);
    }
    return new Datapoint(period, name, time, stats.total, values, folded);
  }
}
