package dev.livelog.web;

import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.analyzer.GroupPlan;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.GroupConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.FieldRef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the page needs to lay out its charts before any datapoint arrives: the periods and
 * the plot groups, in config order, with the series names known up front for the legends;
 * the alert rules (whether to show the alerts list); the live tail's most lines a second; and
 * the fields offered to split a chart by.
 */
final class DashboardDescription {
  private DashboardDescription() {}

  static JsonObject of(LivelogConfig config) {
    JsonArray periods = new JsonArray();
    config.periods().forEach(p -> periods.add(period(p)));
    JsonArray groups = new JsonArray();
    config.groups().forEach((name, group) -> groups.add(group(name, group)));
    JsonArray alerts = new JsonArray();
    config.alerts().forEach((name, rule) -> alerts.add(new JsonObject().put("name", name)
        .put("group", rule.group()).put("series", rule.series()).put("severity", rule.severity())));
    return new JsonObject().put("periods", periods).put("groups", groups).put("alerts", alerts)
        .put("tail", new JsonObject().put("max_rate", config.web().tailRate()))
        .put("fields", fields(config));
  }

  /**
   * Fields a chart may be split by, offered as the operator types: those the plot groups
   * measure, split or filter by, and {@code source}. Any other field of the events may be typed.
   */
  private static JsonArray fields(LivelogConfig config) {
    Set<String> names = new TreeSet<>();
    names.add(FieldRef.SOURCE);
    for (GroupConfig group : config.groups().values()) {
      names.addAll(group.where().keySet());
      for (AnalyzerConfig a : group.analyzers()) {
        names.addAll(a.where().keySet());
        java.util.stream.Stream.of(a.by(), a.field()).filter(Objects::nonNull).forEach(names::add);
      }
    }
    return new JsonArray(new ArrayList<>(names));
  }

  private static JsonObject period(PeriodConfig period) {
    return new JsonObject()
        .put("name", period.name())
        .put("interval_ms", millis(period.interval()))
        .put("window_ms", millis(period.window()))
        .put("history", period.history())
        .put("chart", new JsonObject(new LinkedHashMap<String, Object>(period.chart())));
  }

  private static JsonObject group(String name, GroupConfig group) {
    return new JsonObject()
        .put("name", name)
        .put("label", group.label() == null ? name : group.label())
        .put("format", group.format())
        .put("chart", new JsonObject(new LinkedHashMap<String, Object>(group.chart())))
        .put("analyzers", analyzerLabels(group))
        .put("series", knownSeries(name, group))
        .put("figures", figures(name, group));
  }

  /** Figures its panels show beside the charts (an SLO's error budget left), from its metrics. */
  private static JsonArray figures(String name, GroupConfig group) {
    JsonArray figures = new JsonArray();
    AnalyzerPlans.compile(name, group).figures().forEach(f -> figures.add(new JsonObject()
        .put("title", f.title()).put("series", f.series()).put("span_ms", f.span().toMillis())
        .put("offset", f.offset()).put("scale", f.scale()).put("format", f.format())));
    return figures;
  }

  private static JsonArray analyzerLabels(GroupConfig group) {
    JsonArray labels = new JsonArray();
    group.analyzers().stream().map(AnalyzerConfig::label).filter(Objects::nonNull)
        .forEach(labels::add);
    return labels;
  }

  /**
   * Series whose names are known before data, as the group's metrics name them
   * ({@link GroupPlan#declaredSeries()}); the values of a {@code by} field that lists no
   * {@code values}, and top values, appear as they arrive.
   */
  private static JsonArray knownSeries(String name, GroupConfig group) {
    Set<String> names = new LinkedHashSet<>(AnalyzerPlans.compile(name, group).declaredSeries());
    names.remove(null);
    return new JsonArray(new ArrayList<>(names));
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }
}
