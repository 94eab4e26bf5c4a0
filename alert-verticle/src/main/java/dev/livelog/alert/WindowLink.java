package dev.livelog.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an alert points: the dashboard showing its group over the stored range around it
 * (from before it became active to after it resolved, or to now), with the drill-down open on
 * the requests behind it (its series, from the window before it became active to when it
 * fired, or resolved); or the sources table for a silent source. The same link goes into
 * notifications ({@code generatorURL}) and the list.
 */
final class WindowLink {
  private static final long LEAST_SPAN = 15 * 60_000L;

  private WindowLink() {}

  static String of(String externalUrl, AlertRule rule, Alert alert) {
    if (rule.group == null) {
      return externalUrl + "/#sources";
    }
    long watched = rule.holdMillis + (rule.change != null ? 2 * rule.change.windowMillis()
        : rule.period.window().toMillis());
    long margin = Math.max(LEAST_SPAN, 3 * watched) / 3;
    long from = (alert.activeAt() >= 0 ? alert.activeAt() : alert.startsAt()) - 2 * margin;
    String link = externalUrl + "/?group=" + encode(rule.group)
        + "&from=" + from;
    if (alert.endsAt() >= 0) {
      link += "&to=" + (alert.endsAt() + margin);
    }
    return rule.isAbsence() ? link : link + drillDown(rule, alert);
  }

  /** The drill-down's parameters (as the dashboard's drilldown.js reads them). */
  private static String drillDown(AlertRule rule, Alert alert) {
    long active = alert.activeAt() >= 0 ? alert.activeAt() : alert.startsAt();
    long to = alert.endsAt() >= 0 ? alert.endsAt() : alert.startsAt() >= 0 ? alert.startsAt() : active;
    String drill = "&drill=" + encode(rule.group);
    String series = alert.labels().getOrDefault("series", "");
    if (!series.isEmpty()) {
      drill += "&drill.series=" + encode(series);
    }
    return drill + "&drill.from=" + (active - rule.period.window().toMillis()) + "&drill.to=" + to;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
