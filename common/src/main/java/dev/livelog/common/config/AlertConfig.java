package dev.livelog.common.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert rule ({@code alerts.<name>}; the name is its {@code alertname}). It watches a plot
 * group's series at one period (by default the shortest; all its series when {@code series} is absent, each its own
 * alert) and has one condition:
 *
 * <ul>
 *   <li>a threshold: the value {@code above} or {@code below} a number, held {@code for} a
 *       duration; once firing it clears only past {@code clear} (hysteresis, default the
 *       threshold itself);
 *   <li>a change: with {@code change: previous | day | week}, the value compared is the ratio
 *       of the series' mean over the last {@code window} to its mean over the window before,
 *       or the same window a day or a week earlier ({@code above: 2} is "doubled");
 *   <li>an absence: {@code absent: events} (no event from {@code source}) or
 *       {@code absent: datapoints} (no value of the series), for {@code for}.
 * </ul>
 *
 * A firing alert resolves once its condition has been false for {@code keep_firing_for}.
 * {@code severity}, {@code labels} and {@code annotations} (templates with
 * {@code {{ $value }}}) go into its notifications, sent to {@code receivers} (default: every
 * receiver of {@code notify}).
 */
public record AlertConfig(
    String group,
    String series,
    String period,
    Double above,
    Double below,
    Double clear,
    String change,
    Duration window,
    String absent,
    String source,
    @JsonProperty("for") Duration holdFor,
    Duration keepFiringFor,
    String severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> receivers) {

  public static final String DEFAULT_SEVERITY = "warning";

  public AlertConfig {
    holdFor = holdFor == null ? Duration.ZERO : holdFor;
    severity = severity == null ? DEFAULT_SEVERITY : severity;
    labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
    annotations = annotations == null ? Map.of() : new LinkedHashMap<>(annotations);
  }

  /** Whether the rule watches for something missing rather than a value. */
  public boolean isAbsence() {
    return absent != null;
  }

  /** Whether it watches the silence of a source, which names no group. */
  public boolean watchesSource() {
    return "events".equals(absent);
  }
}
