package dev.livelog.analyzer.metric;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.kind.Kinds;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registered metrics ({@code META-INF/services/dev.livelog.analyzer.metric.Metric}), and
 * how an analyzer's {@code metric} and parameters become the metric it uses.
 */
public final class Metrics {
  private static final Kinds<Metric> REGISTERED = Kinds.load(Metric.class, "metric");

  private Metrics() {}

  /**
   * The registered metric of that name (spaces around it and case do not matter), or a config
   * error on {@code metric} listing the registered names.
   */
  public static Metric named(String name) {
    String key = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    return REGISTERED.find(key).orElseGet(() -> REGISTERED.named("metric", name));
  }

  /**
   * Checks that {@code metric} takes every parameter an analyzer gives. A key it does not take
   * is an error naming it: which metrics take it, or, when none does, the keys allowed.
   */
  public static void checkParameters(Metric metric, Map<String, Object> parameters) {
    for (String key : parameters.keySet()) {
      if (!metric.parameters().contains(key)) {
        throw new ConfigException(key, notTaken(metric, key));
      }
    }
  }

  private static String notTaken(Metric metric, String key) {
    String takers = REGISTERED.all().stream().filter(m -> m.parameters().contains(key))
        .map(Metric::name).collect(Collectors.joining(", "));
    if (!takers.isEmpty()) {
      return "a parameter of " + takers + ", not of metric '" + metric.name() + "'";
    }
    TreeSet<String> allowed = new TreeSet<>(AnalyzerConfig.COMMON_KEYS);
    allowed.addAll(metric.parameters());
    return "unknown key; expected one of: " + String.join(", ", allowed);
  }
}
