package dev.livelog.common.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code alerts} and {@code notify} that need no analyzer: one condition per
 * rule with the keys it takes, references to groups, periods, sources and receivers, sane
 * durations, label names as Prometheus and Alertmanager take them. Whether a rule's series
 * exists is checked with the analyzer's plans ({@code AlertRules} in the alert module).
 */
final class AlertsValidator {
  /** Labels every alert has, set by livelog. */
  static final Set<String> OWN_LABELS = Set.of("alertname", "group", "series", "period",
      "severity", "source");
  private static final String LABEL_NAME = "[a-zA-Z_][a-zA-Z0-9_]*";
  private static final Duration LONGEST_HOLD = Duration.ofDays(7);
  private static final int MOST_WINDOW_POINTS = 1_000;

  private AlertsValidator() {}

  static void validate(LivelogConfig config) {
    validateNotify(config.notifications());
    config.alerts().forEach((name, rule) -> validateRule(config, "alerts." + name, name, rule));
  }

  private static void validateNotify(NotifyConfig notify) {
    if (notify.externalUrl() != null) {
      httpUrl("notify.external_url", notify.externalUrl());
    }
    notify.receivers().forEach((name, receiver) -> {
      String field = "notify.receivers." + name;
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new ConfigException(field, "receiver names use letters, digits, '_' or '-'");
      }
      if (receiver == null) {
        throw new ConfigException(field, "set url (or url_env) of the webhook");
      }
      if ((receiver.url() == null) == (receiver.urlEnv() == null)) {
        throw new ConfigException(field + ".url", "set url or url_env (the environment variable"
            + " holding it), one of them");
      }
      if (receiver.url() != null) {
        httpUrl(field + ".url", receiver.url());
      }
      StructureValidator.environmentName(field + ".url_env", receiver.urlEnv());
      StructureValidator.environmentName(field + ".bearer_token_env", receiver.bearerTokenEnv());
      StructureValidator.requireBetween(field + ".timeout", receiver.timeout(),
          Duration.ofSeconds(1), Duration.ofMinutes(5));
    });
  }

  private static void validateRule(LivelogConfig config, String field, String name, AlertConfig rule) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
      throw new ConfigException(field, "alert names start with a letter or '_' and use letters,"
          + " digits, '_', '.', ':' or '-' (the name is the alert's alertname)");
    }
    if (rule == null) {
      throw new ConfigException(field, "an alert rule needs a group and a condition (above,"
          + " below, change or absent)");
    }
    if (rule.isAbsence()) {
      validateAbsence(config, field, rule);
    } else {
      validateValueCondition(config, field, rule);
    }
    if (!rule.watchesSource()) {
      validateGroupAndPeriod(config, field, rule);
    }
    between(field + ".for", rule.holdFor());
    if (rule.keepFiringFor() != null) {
      between(field + ".keep_firing_for", rule.keepFiringFor());
    }
    if (!rule.severity().matches("[A-Za-z0-9_-]+")) {
      throw new ConfigException(field + ".severity", "a word such as critical, warning or info,"
          + " got '" + rule.severity() + "'");
    }
    validateLabels(field, rule);
    validateReceivers(config, field, rule);
  }

  private static void validateAbsence(LivelogConfig config, String field, AlertConfig rule) {
    if (!Set.of("events", "datapoints").contains(rule.absent())) {
      throw new ConfigException(field + ".absent", "'events' (no event from a source) or"
          + " 'datapoints' (no value of a series), got '" + rule.absent() + "'");
    }
    notWith(field + ".above", rule.above(), "absent");
    notWith(field + ".below", rule.below(), "absent");
    notWith(field + ".clear", rule.clear(), "absent");
    notWith(field + ".change", rule.change(), "absent");
    notWith(field + ".window", rule.window(), "absent");
    if (rule.holdFor().isZero()) {
      throw new ConfigException(field + ".for", "required with absent: how long nothing must"
          + " come before the alert fires, e.g. 2m");
    }
    if (rule.watchesSource()) {
      notWith(field + ".group", rule.group(), "absent: events");
      notWith(field + ".series", rule.series(), "absent: events");
      notWith(field + ".period", rule.period(), "absent: events");
      if (rule.source() == null) {
        throw new ConfigException(field + ".source", "required with absent: events (the id of"
            + " the source that must not fall silent)");
      }
      Set<String> ids = config.sources().stream().map(SourceConfig::id).collect(Collectors.toSet());
      if (!ids.contains(rule.source())) {
        throw new ConfigException(field + ".source", "unknown source '" + rule.source()
            + "'; sources: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
      }
    } else {
      notWith(field + ".source", rule.source(), "absent: datapoints");
    }
  }

  private static void validateValueCondition(LivelogConfig config, String field, AlertConfig rule) {
    notWith(field + ".source", rule.source(), "a value condition (it belongs to absent: events)");
    if (rule.above() == null && rule.below() == null) {
      throw new ConfigException(field, "needs a condition: above or below (a threshold, or a"
          + " ratio with change), or absent: events | datapoints");
    }
    if (rule.above() != null && rule.below() != null) {
      throw new ConfigException(field + ".below", "use above or below, not both (write two rules)");
    }
    double threshold = rule.above() != null ? rule.above() : rule.below();
    String key = rule.above() != null ? "above" : "below";
    if (!Double.isFinite(threshold)) {
      throw new ConfigException(field + "." + key, "must be a finite number");
    }
    if (rule.clear() != null && (rule.above() != null ? rule.clear() > threshold : rule.clear() < threshold)) {
      throw new ConfigException(field + ".clear", "must be at " + (rule.above() != null ? "most" : "least")
          + " the threshold (" + key + ": " + threshold + "): a firing alert clears past it");
    }
    if (rule.change() == null) {
      notWith(field + ".window", rule.window(), "a threshold (it belongs to change)");
      return;
    }
    if (!Set.of("previous", "day", "week").contains(rule.change())) {
      throw new ConfigException(field + ".change", "'previous' (the window before), 'day' or"
          + " 'week' (the same window a day or a week earlier), got '" + rule.change() + "'");
    }
    if (threshold <= 0) {
      throw new ConfigException(field + "." + key, "with change, a ratio to the baseline above 0"
          + " (e.g. above: 2 for doubled, below: 0.5 for halved)");
    }
  }

  private static void validateGroupAndPeriod(LivelogConfig config, String field, AlertConfig rule) {
    if (rule.group() == null) {
      throw new ConfigException(field + ".group", "required: the plot group whose series the rule watches");
    }
    if (!config.groups().containsKey(rule.group())) {
      throw new ConfigException(field + ".group", "unknown group '" + rule.group() + "'; groups: "
          + (config.groups().isEmpty() ? "none" : String.join(", ", config.groups().keySet())));
    }
    PeriodConfig period = period(config, rule);
    if (period == null) {
      throw new ConfigException(field + ".period", "unknown period '" + rule.period() + "'; periods: "
          + config.periods().stream().map(PeriodConfig::name).collect(Collectors.joining(", ")));
    }
    if (rule.window() != null) {
      Duration w = rule.window();
      if (w.compareTo(period.interval()) < 0 || w.compareTo(Duration.ofDays(1)) > 0) {
        throw new ConfigException(field + ".window", "must be between the period's interval ("
            + Durations.format(period.interval()) + ") and 1d, got " + Durations.format(w));
      }
      if (w.toMillis() / period.interval().toMillis() > MOST_WINDOW_POINTS) {
        throw new ConfigException(field + ".window", "at most " + MOST_WINDOW_POINTS
            + " datapoints of period " + period.name() + "; use a longer period for "
            + Durations.format(w));
      }
    }
  }

  /** The period a rule watches: the one it names, else the shortest (the first told). */
  static PeriodConfig period(LivelogConfig config, AlertConfig rule) {
    return rule.period() == null ? config.shortestPeriod() : config.period(rule.period());
  }

  private static void validateLabels(String field, AlertConfig rule) {
    for (Map.Entry<String, String> label : rule.labels().entrySet()) {
      String key = field + ".labels." + label.getKey();
      if (!label.getKey().matches(LABEL_NAME) || label.getKey().startsWith("__")) {
        throw new ConfigException(key, "label names use letters, digits and '_', not starting"
            + " with a digit or '__'");
      }
      if (OWN_LABELS.contains(label.getKey())) {
        throw new ConfigException(key, "livelog sets this label itself ("
            + String.join(", ", OWN_LABELS.stream().sorted().toList()) + ")");
      }
      if (label.getValue() == null) {
        throw new ConfigException(key, "needs a value");
      }
    }
    for (Map.Entry<String, String> annotation : rule.annotations().entrySet()) {
      String key = field + ".annotations." + annotation.getKey();
      if (!annotation.getKey().matches(LABEL_NAME)) {
        throw new ConfigException(key, "annotation names use letters, digits and '_'");
      }
      if (annotation.getValue() == null) {
        throw new ConfigException(key, "needs a text");
      }
    }
  }

  private static void validateReceivers(LivelogConfig config, String field, AlertConfig rule) {
    if (rule.receivers() == null) {
      return;
    }
    for (int i = 0; i < rule.receivers().size(); i++) {
      String name = rule.receivers().get(i);
      if (!config.notifications().receivers().containsKey(name)) {
        throw new ConfigException(field + ".receivers[" + i + "]", "unknown receiver '" + name
            + "'; receivers (notify.receivers): " + (config.notifications().receivers().isEmpty() ? "none"
                : String.join(", ", config.notifications().receivers().keySet())));
      }
    }
  }

  private static void between(String field, Duration value) {
    if (value.isNegative() || value.compareTo(LONGEST_HOLD) > 0) {
      throw new ConfigException(field, "must be between 0s and 7d, got " + Durations.format(value));
    }
  }

  private static void notWith(String field, Object value, String what) {
    if (value != null) {
      throw new ConfigException(field, "not with " + what);
    }
  }

  private static void httpUrl(String field, String url) {
    if (!NotifyConfig.isHttpUrl(url)) {
      throw new ConfigException(field, "an http:// or https:// URL with a host, got '" + url + "'");
    }
  }
}
