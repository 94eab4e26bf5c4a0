package dev.livelog.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an alert points: the dashboard showing its group over the stored range around it
 * (from before it became active to after it resolved, or to now), or the sources table for a
 * silent source. The same link goes into notifications ({@code generatorURL}) and the list.
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
    String link = externalUrl + "/?group=" + URLEncoder.encode(rule.group, StandardCharsets.UTF_8)
        + "&from=" + from;
    if (alert.endsAt() >= 0) {
      link += "&to=" + (alert.endsAt() + margin);
    }
    return link;
  }
}
