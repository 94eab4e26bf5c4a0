package dev.livelog.analyzer;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.where.ConditionParser;
import dev.livelog.common.where.Filter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    for (Map.Entry<String, GroupConfig> e : config.groups().entrySet()) {
      String path = "groups." + e.getKey();
      GroupConfig g = e.getValue();
      Filter where;
      try {
        where = ConditionParser.parse(g.where(), "all");
      } catch (ConfigException ex) {
        throw ex.under(path);
      }
      List<SeriesAnalyzer> analyzers = new ArrayList<>();
      Set<String> labels = new HashSet<>();
      for (int i = 0; i < g.analyzers().size(); i++) {
        try {
          SeriesAnalyzer a = analyzer(g.analyzers().get(i));
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
      plans.add(new GroupPlan(e.getKey(), g, where, analyzers));
    }
    return plans;
  }

  /** Checks the plot groups of a config without keeping the plans. */
  public static void validate(LivelogConfig config) {
    compile(config);
  }

  private static SeriesAnalyzer analyzer(AnalyzerConfig a) {
    Metric metric;
    try {
      metric = Metric.named(a.metric());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("metric", e.getMessage());
    }
    if (metric.needsField() && (a.field() == null || a.field().isBlank())) {
      throw new ConfigException("field", "metric '" + a.metric()
          + "' needs the field it measures, e.g. field: ups_rt");
    }
    if (a.by() == null && metric != Metric.TOP && (a.label() == null || a.label().isBlank())) {
      throw new ConfigException("label", "required for an analyzer without 'by' (it names the series)");
    }
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
    if (metric == Metric.TOP && a.by() != null) {
      throw new ConfigException("by", "a top metric makes one series per frequent value of its"
          + " field; it cannot also be split by another field");
    }
    if (metric == Metric.TOP && (a.top() < 1 || a.top() > 1000)) {
      throw new ConfigException("top", "must be between 1 and 1000");
    }
    for (double p : a.percentiles()) {
      if (!(p > 0 && p <= 100)) {
        throw new ConfigException("percentiles", "each must be above 0 and at most 100, got " + p);
      }
    }
    return new SeriesAnalyzer(a, metric, ConditionParser.parse(a.where(), a.match()));
  }
}
