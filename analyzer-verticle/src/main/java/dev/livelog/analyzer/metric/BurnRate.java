package dev.livelog.analyzer.metric;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.Durations;
import dev.livelog.common.where.ConditionParser;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.common.where.Condition;
import dev.livelog.store.query.AggregateQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SLO's burn rate: how fast the group's events use up the error budget an
 * {@code objective} (percent of events that are {@code good}) allows, 1 being exactly the
 * budget over the SLO period. The series {@code <label>} is over the datapoint's window (or a
 * stored bucket); {@code <label> 5m}, {@code <label> 1h}, ... over each of {@code windows}, kept
 * by the live engine; and for a pair of windows (the multi-window, multi-burn-rate method's,
 * default 5m with 1h and 30m with 6h) {@code <label> 5m&1h}, the smaller of the two: above a
 * threshold when both are. Its panel shows the error budget left over {@code slo_period}.
 */
public final class BurnRate implements Metric {
  private static final String OBJECTIVE = "objective";
  private static final String GOOD = "good";
  private static final String WINDOWS = "windows";
  private static final String SLO_PERIOD = "slo_period";
  private static final List<List<Duration>> DEFAULT_WINDOWS = List.of(
      List.of(Duration.ofMinutes(5), Duration.ofHours(1)),
      List.of(Duration.ofMinutes(30), Duration.ofHours(6)));

  private final double objective;
  private final Filter bad;
  private final EventFilter badEvents;
  private final List<List<Duration>> windows;
  private final Duration sloPeriod;

  public BurnRate() {
    this(99.9, Filter.ALL, DEFAULT_WINDOWS, Duration.ofDays(30));
  }

  private BurnRate(double objective, Filter bad, List<List<Duration>> windows, Duration sloPeriod) {
    this.objective = objective;
    this.bad = bad;
    this.badEvents = EventFilter.compile(bad);
    this.windows = windows;
    this.sloPeriod = sloPeriod;
  }

  @Override
  public String name() {
    return "burn_rate";
  }

  @Override
  public boolean needsField() {
    return false;
  }

  @Override
  public Set<String> parameters() {
    return Set.of(OBJECTIVE, GOOD, WINDOWS, SLO_PERIOD);
  }

  @Override
  public Metric configured(AnalyzerConfig analyzer, MetricParameters parameters) {
    if (analyzer.by() != null) {
      throw new ConfigException("by", "a burn rate is one SLO: write one analyzer (or group) per"
          + " population instead of splitting it with by");
    }
    if (!analyzer.where().isEmpty()) {
      throw new ConfigException("where", "a burn rate is over the group's events: put who the"
          + " SLO is for in the group's where, and what is good in good");
    }
    double objective = parameters.number(OBJECTIVE, Double.NaN);
    if (!(objective > 0 && objective < 100)) {
      throw new ConfigException(OBJECTIVE, "required: the percent of events that are good, above 0"
          + " and below 100, e.g. 99.9");
    }
    return new BurnRate(objective, badOf(parameters.raw(GOOD)), windows(parameters.raw(WINDOWS)),
        sloPeriod(parameters.raw(SLO_PERIOD)));
  }

  /** The events that are not good: not all of good's conditions hold (De Morgan: any fails). */
  private static Filter badOf(Object good) {
    if (!(good instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new ConfigException(GOOD, "required: a where-condition of the good events, e.g."
          + " {status: {lt: 500}} or {request_time: {le: 0.3}}");
    }
    @SuppressWarnings("unchecked")
    Filter filter;
    try {
      filter = ConditionParser.parse((Map<String, Object>) map, "all");
    } catch (ConfigException e) {
      throw e.under(GOOD);
    }
    List<FieldCondition> failing = new ArrayList<>();
    filter.conditions().forEach(c -> failing.add(new FieldCondition(c.field(), new Condition.Not(c.condition()))));
    return new Filter(failing, true);
  }

  private static List<List<Duration>> windows(Object given) {
    if (given == null) {
      return DEFAULT_WINDOWS;
    }
    if (!(given instanceof List<?> list) || list.isEmpty()) {
      throw new ConfigException(WINDOWS, "a list of durations, or of pairs of them (a short and"
          + " a long window), e.g. [[5m, 1h], [30m, 6h]]");
    }
    List<List<Duration>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      List<?> pair = item instanceof List<?> l ? l : List.of(item);
      if (pair.isEmpty() || pair.size() > 2) {
        throw new ConfigException(WINDOWS + "[" + i + "]", "a duration, or a pair of them");
      }
      List<Duration> durations = new ArrayList<>();
      for (Object d : pair) {
        durations.add(window(WINDOWS + "[" + i + "]", d));
      }
      out.add(List.copyOf(durations));
    }
    return List.copyOf(out);
  }

  private static Duration window(String field, Object value) {
    Duration d = ConfigLoader.convert(field, String.valueOf(value), Duration.class);
    if (d.toMillis() % 1000 != 0 || d.compareTo(Duration.ofSeconds(1)) < 0
        || d.compareTo(LONGEST_LOOKBACK) > 0) {
      throw new ConfigException(field, "whole seconds, from 1s to "
          + Durations.format(LONGEST_LOOKBACK) + " (the live windows a burn rate keeps), got "
          + Durations.format(d));
    }
    return d;
  }

  private static Duration sloPeriod(Object given) {
    if (given == null) {
      return Duration.ofDays(30);
    }
    Duration d = ConfigLoader.convert(SLO_PERIOD, String.valueOf(given), Duration.class);
    if (d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofDays(366)) > 0) {
      throw new ConfigException(SLO_PERIOD, "between 1h and 366d, e.g. 30d, got " + Durations.format(d));
    }
    return d;
  }

  @Override
  public Accumulator newAccumulator() {
    return new BadEvents(badEvents);
  }

  @Override
  public List<Duration> lookbacks() {
    Set<Duration> all = new LinkedHashSet<>();
    windows.forEach(all::addAll);
    return List.copyOf(all);
  }

  @Override
  public List<String> seriesNames(String base) {
    List<String> names = new ArrayList<>();
    names.add(base);
    lookbacks().forEach(w -> names.add(base + " " + Durations.format(w)));
    windows.stream().filter(p -> p.size() == 2).forEach(p -> names.add(pairName(base, p)));
    return names;
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    out.put(base, burn(((BadEvents) accumulator).count(), window.groupEvents()));
    for (Duration w : lookbacks()) {
      out.put(base + " " + Durations.format(w), overLookback(base, w, window));
    }
    for (List<Duration> pair : windows) {
      if (pair.size() == 2) {
        Double shorter = overLookback(base, pair.get(0), window);
        Double longer = overLookback(base, pair.get(1), window);
        out.put(pairName(base, pair), shorter == null || longer == null ? null : Math.min(shorter, longer));
      }
    }
  }

  /** The events that burn the budget: the bad ones, whichever of its series. */
  @Override
  public Optional<SeriesEvents> eventsOf(String series, String field) {
    return Metric.super.eventsOf(series, field).map(found -> new SeriesEvents(found.base(), bad));
  }

  @Override
  public List<PanelFigure> figures(String base) {
    return List.of(new PanelFigure("error budget left over " + Durations.format(sloPeriod), base,
        sloPeriod, 100, -100, "%.1f%%"));
  }

  /** The store counts the bad events among the group's (the group's total comes apart). */
  @Override
  public AggregateQuery storeQuery(AggregateQuery plain, String field) {
    List<Filter> filters = new ArrayList<>(plain.filters());
    filters.add(bad);
    return new AggregateQuery(plain.from(), plain.to(), plain.step(), filters, plain.groupBy(),
        null, false, 0, false);
  }

  private Double overLookback(String base, Duration span, Window window) {
    Window.Span seen = window.lookback().over(base, span.toSeconds());
    return seen == null ? null : burn(((BadEvents) seen.accumulator()).count(), seen.groupEvents());
  }

  /** The share of bad events, as a multiple of the share the objective allows. */
  private Double burn(long badCount, long events) {
    return events == 0 ? null : (double) badCount / events / (1 - objective / 100);
  }

  private static String pairName(String base, List<Duration> pair) {
    return base + " " + Durations.format(pair.get(0)) + "&" + Durations.format(pair.get(1));
  }
}
