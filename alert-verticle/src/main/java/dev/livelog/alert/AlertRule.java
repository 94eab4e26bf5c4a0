package dev.livelog.alert;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.Durations;
import dev.livelog.common.config.PeriodConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compiled alert rule: what it watches (a group's series at a period, or a source), its
 * condition (a {@link Threshold} on the value or on a {@link Change} ratio, or an absence), its
 * hysteresis, and what its alerts carry (labels, annotations, receivers).
 */
final class AlertRule {
  /** The absences a rule may watch for. */
  static final String EVENTS = "events";
  static final String DATAPOINTS = "datapoints";

  final String name;
  final String group;
  final String series;
  final PeriodConfig period;
  final String source;
  final Threshold threshold;
  final Change change;
  final String absent;
  final long holdMillis;
  final long keepMillis;
  final String severity;
  final List<String> receivers;
  private final String format;
  private final Map<String, String> labels;
  private final Map<String, AnnotationTemplate> annotations;

  AlertRule(String name, Watched watched, Condition condition, Hysteresis hysteresis,
      Presentation presentation) {
    this.name = name;
    this.group = watched.group();
    this.series = watched.series();
    this.period = watched.period();
    this.source = watched.source();
    this.threshold = condition.threshold();
    this.change = condition.change();
    this.absent = condition.absent();
    this.holdMillis = hysteresis.hold().toMillis();
    this.keepMillis = hysteresis.keep().toMillis();
    this.severity = presentation.severity();
    this.labels = presentation.labels();
    this.annotations = presentation.annotations();
    this.receivers = presentation.receivers();
    this.format = presentation.format();
  }

  /** What a rule watches: a group's series (all when null) at a period, or a source. */
  record Watched(String group, String series, PeriodConfig period, String source) {}

  /** One of: a threshold (on a change ratio when {@code change} is set), or an absence. */
  record Condition(Threshold threshold, Change change, String absent) {}

  record Hysteresis(Duration hold, Duration keep) {}

  record Presentation(String severity, Map<String, String> labels,
      Map<String, AnnotationTemplate> annotations, List<String> receivers, String format) {}

  /** Whether a datapoint is of the group and period this rule watches. */
  boolean watches(Datapoint p) {
    return group != null && group.equals(p.group()) && period.name().equals(p.period());
  }

  boolean isAbsence() {
    return absent != null;
  }

  /** The series of a datapoint this rule judges: its own, or every one. */
  Collection<String> keys(Datapoint p) {
    return series != null ? List.of(series) : p.values().keySet();
  }

  /** The labels of the alert for one key (a series, a source, or "" for the whole group). */
  Map<String, String> labels(String key) {
    Map<String, String> out = new TreeMap<>(labels);
    out.put("alertname", name);
    out.put("severity", severity);
    if (source != null) {
      out.put("source", source);
    } else {
      out.put("group", group);
      out.put("period", period.name());
      if (!key.isEmpty()) {
        out.put("series", key);
      }
    }
    return out;
  }

  /** The annotations, rendered for a value. */
  Map<String, String> annotations(Double value, Map<String, String> alertLabels) {
    Map<String, String> out = new LinkedHashMap<>();
    String shown = valueText(value);
    String limit = isAbsence() ? Durations.format(Duration.ofMillis(holdMillis))
        : Numbers.plain(threshold.limit());
    annotations.forEach((key, template) -> out.put(key, template.render(shown, limit, alertLabels)));
    return out;
  }

  /** A value as the alert shows it: in the group's format, a ratio, or a silence's length. */
  String valueText(Double value) {
    if (value == null) {
      return "no value";
    }
    if (isAbsence()) {
      return Durations.format(Duration.ofSeconds(Math.round(value)));
    }
    return change != null ? Numbers.formatted("%.2f", value) + "x" : Numbers.formatted(format, value);
  }

  @Override
  public String toString() {
    return name;
  }
}
