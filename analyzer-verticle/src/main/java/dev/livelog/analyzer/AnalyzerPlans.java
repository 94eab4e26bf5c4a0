package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Metric;
import dev.livelog.analyzer.metric.MetricParameters;
import dev.livelog.analyzer.metric.Metrics;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.where.ConditionParser;
import dev.livelog.common.where.Filter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles the config's plot groups into {@link GroupPlan}s, reporting a bad metric, a
 * missing field or a bad filter with its path ({@code groups.aurt.analyzers[0].metric}).
 */
public final class AnalyzerPlans {
  private AnalyzerPlans() {}

  /** New plans (they hold per-thread field caches: compile one set per thread). */
  public static List<GroupPlan> compile(LivelogConfig config) {
    List<GroupPlan> plans = new ArrayList<>();
    config.groups().forEach((name, group) -> plans.add(compile(name, group)));
    return plans;
  }

  /** One plot group's plan; a mistake is reported under {@code groups.<name>}. */
  public static GroupPlan compile(String name, GroupConfig group) {
    String path = "groups." + name;
    Filter where;
    try {
      where = ConditionParser.parse(group.where(), "all");
    } catch (ConfigException ex) {
      throw ex.under(path);
    }
    List<SeriesAnalyzer> analyzers = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < group.analyzers().size(); i++) {
      try {
        SeriesAnalyzer a = analyzer(group.analyzers().get(i));
        for (String series : a.declaredSeries()) {
          if (!labels.add(series)) {
            throw new ConfigException("label", "two series of the group are named '" + series + "'");
          }
        }
        analyzers.add(a);
      } catch (ConfigException ex) {
        throw ex.under(path + ".analyzers[" + i + "]");
      }
    }
    return new GroupPlan(name, group, where, analyzers);
  }

  /**
   * A plot group split by {@code field}, chosen on the page: each analyzer's series become one
   * per value of the field, within its {@code max_series} and {@code other}
   * ({@link AnalyzerConfig#splitBy}). An analyzer without a label, in a group of several, is
   * labelled by the field it was split by before, so the series of two analyzers never share a
   * name.
   *
   * @throws ConfigException when the group's metrics cannot be split (a burn rate reads its own
   *     series over an hour)
   */
  public static GroupPlan split(String name, GroupConfig group, String field) {
    List<AnalyzerConfig> analyzers = new ArrayList<>();
    for (AnalyzerConfig a : group.analyzers()) {
      String label = a.label() != null || group.analyzers().size() == 1 ? a.label()
          : a.by() != null ? a.by() : a.metric();
      analyzers.add(a.splitBy(field, label));
    }
    return compile(name, new GroupConfig(group.label(), group.format(), group.chart(), group.where(),
        analyzers));
  }

  /** Checks the plot groups of a config without keeping the plans. */
  public static void validate(LivelogConfig config) {
    compile(config);
  }

  private static SeriesAnalyzer analyzer(AnalyzerConfig a) {
    Metric metric = Metrics.named(a.metric());
    Metrics.checkParameters(metric, a.parameters());
    if (metric.needsField() && (a.field() == null || a.field().isBlank())) {
      throw new ConfigException("field", "metric '" + metric.name()
          + "' needs the field it measures, e.g. field: ups_rt");
    }
    if (a.by() == null && metric.needsLabel() && (a.label() == null || a.label().isBlank())) {
      throw new ConfigException("label", "required for an analyzer without 'by' (it names the series)");
    }
    checkBy(a);
    Metric configured = metric.configured(a, new MetricParameters(a.parameters()));
    return new SeriesAnalyzer(a, configured, ConditionParser.parse(a.where(), a.match()));
  }

  private static void checkBy(AnalyzerConfig a) {
    if (a.by() == null && !a.values().isEmpty()) {
      throw new ConfigException("values", "only with 'by': the values of the by-field to show");
    }
    if (a.by() == null && (a.byClass() || a.byPrefix() != null)) {
      throw new ConfigException(a.byClass() ? "by_class" : "by_prefix", "only with 'by'");
    }
    if (a.byClass() && a.byPrefix() != null) {
      throw new ConfigException("by_prefix", "use by_class or by_prefix, not both");
    }
    if (a.byPrefix() != null && a.byPrefix() < 1) {
      throw new ConfigException("by_prefix", "must be at least 1 (path segments to keep)");
    }
    if (a.maxSeries() != null && a.by() == null) {
      throw new ConfigException("max_series", "only with 'by': how many of its values get a series");
    }
    if (a.maxSeries() != null
        && (a.maxSeries() < 1 || a.maxSeries() > SeriesAnalyzer.MAX_MAX_SERIES)) {
      throw new ConfigException("max_series", "must be between 1 and "
          + SeriesAnalyzer.MAX_MAX_SERIES + " (the other values are folded into 'other')");
    }
  }
}
