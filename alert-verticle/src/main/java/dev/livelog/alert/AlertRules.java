package dev.livelog.alert;

import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.analyzer.metric.Metrics;
import dev.livelog.common.config.AlertConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Durations;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles {@code alerts} into {@link AlertRule}s, with the checks that need the analyzer's
 * plans: a rule's series must be one its group declares (unless the group's series are only
 * known from the data: a {@code by} field without {@code values}, a {@code top} metric), and
 * annotations may only use placeholders they can fill. The rest of the rule was checked when
 * the config was loaded.
 */
public final class AlertRules {
  private AlertRules() {}

  /** Checks the rules of a config ({@code check-config}, {@code run}). */
  public static void validate(LivelogConfig config) {
    ReceiverKinds.validate(config);
    compile(config);
  }

  static List<AlertRule> compile(LivelogConfig config) {
    List<AlertRule> rules = new ArrayList<>();
    config.alerts().forEach((name, rule) -> {
      try {
        rules.add(compile(config, name, rule));
      } catch (ConfigException e) {
        throw e.under("alerts." + name);
      }
    });
    return rules;
  }

  private static AlertRule compile(LivelogConfig config, String name, AlertConfig rule) {
    PeriodConfig period = rule.watchesSource() ? null
        : rule.period() == null ? config.shortestPeriod() : config.period(rule.period());
    if (!rule.watchesSource() && period == null) {
      throw new ConfigException("period", "unknown period '" + rule.period() + "'");
    }
    GroupConfig group = rule.group() == null ? null : config.groups().get(rule.group());
    if (group != null && rule.series() != null) {
      checkSeries(rule, group);
    }
    Threshold threshold = rule.isAbsence() ? null : threshold(rule);
    Change change = rule.change() == null ? null : new Change(rule.change(),
        (rule.window() == null ? Duration.ofMinutes(5) : rule.window()).toMillis());
    Duration keep = rule.keepFiringFor() != null ? rule.keepFiringFor()
        : rule.isAbsence() ? Duration.ZERO
        : max(rule.holdFor(), period.interval());
    AlertRule.Watched watched = new AlertRule.Watched(rule.group(), rule.series(), period, rule.source());
    Set<String> labels = labelNames(rule);
    Map<String, AnnotationTemplate> annotations = new LinkedHashMap<>();
    Map<String, String> texts = rule.annotations().isEmpty()
        ? Map.of("summary", defaultSummary(rule, threshold, change)) : rule.annotations();
    texts.forEach((key, text) ->
        annotations.put(key, AnnotationTemplate.parse("annotations." + key, text, labels)));
    List<String> receivers = rule.receivers() != null ? List.copyOf(rule.receivers())
        : List.copyOf(config.notifications().receivers().keySet());
    return new AlertRule(name, watched, new AlertRule.Condition(threshold, change, rule.absent()),
        new AlertRule.Hysteresis(rule.holdFor(), keep),
        new AlertRule.Presentation(rule.severity(), rule.labels(), annotations, receivers,
            group == null ? "%.2f" : group.format()));
  }

  private static Threshold threshold(AlertConfig rule) {
    boolean above = rule.above() != null;
    double limit = above ? rule.above() : rule.below();
    return new Threshold(above, limit, rule.clear() == null ? limit : rule.clear());
  }

  private static void checkSeries(AlertConfig rule, GroupConfig group) {
    List<String> declared = AnalyzerPlans.compile(rule.group(), group).declaredSeries();
    if (!declared.contains(rule.series()) && !seriesFromData(group)) {
      throw new ConfigException("series", "group '" + rule.group() + "' has no series '"
          + rule.series() + "'; its series: " + String.join(", ", declared));
    }
  }

  /** Whether some series of the group are only known once events show them. */
  private static boolean seriesFromData(GroupConfig group) {
    return group.analyzers().stream().anyMatch(a -> a.by() != null ? a.values().isEmpty()
        : Metrics.named(a.metric()).seriesNames(a.label()).isEmpty());
  }

  private static Set<String> labelNames(AlertConfig rule) {
    Set<String> names = new TreeSet<>(rule.labels().keySet());
    names.addAll(List.of("alertname", "severity"));
    if (rule.watchesSource()) {
      names.add("source");
    } else {
      names.addAll(List.of("group", "period"));
      if (!rule.isAbsence() || rule.series() != null) {
        names.add("series");
      }
    }
    return names;
  }

  private static String defaultSummary(AlertConfig rule, Threshold threshold, Change change) {
    if (rule.watchesSource()) {
      return "no event from source " + rule.source() + " for {{ $value }}";
    }
    String what = rule.group() + (rule.series() != null ? " " + rule.series()
        : rule.isAbsence() ? "" : " {{ $labels.series }}");
    if (rule.isAbsence()) {
      return "no datapoint of " + what + " for {{ $value }}";
    }
    if (change != null) {
      return what + " is {{ $value }} its mean " + change.describe() + ", "
          + threshold.describe() + "x";
    }
    return what + " is {{ $value }}, " + threshold.describe()
        + (rule.holdFor().isZero() ? "" : " for " + Durations.format(rule.holdFor()));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
