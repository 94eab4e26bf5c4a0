package dev.livelog.alert;

import dev.livelog.common.bus.Datapoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges the alert rules: value rules on each datapoint of the group and period they watch
 * (at the datapoint's time), absence rules on the clock. A series without a value (an average
 * of no events, a ratio without its baseline) is not judged: its alert stays as it is, so a
 * quiet moment does not resolve an alert nor a missing baseline fire one; a series gone from
 * the datapoints is judged false. Each rule has one
 * {@link AlertInstance} per series (or source) whose condition is true or was lately; the
 * others are forgotten. Plain and single-threaded: the verticle feeds it and acts on the
 * {@link Transition}s it returns.
 */
final class AlertEvaluator {
  /** Past this many alerts of one rule at once, further series are not judged (and counted). */
  static final int MAX_ALERTS_PER_RULE = 1_000;

  /** An alert changed state. */
  record Transition(AlertRule rule, AlertState from, Alert alert) {}

  private final List<AlertRule> rules;
  private final Baselines baselines;
  private final long startedAt;
  private final RecentDatapoints recent = new RecentDatapoints();
  private final Map<AlertRule, Map<String, AlertInstance>> instances = new HashMap<>();
  /** Per absence-of-datapoints rule, when each key last had a value. */
  private final Map<AlertRule, Map<String, Long>> lastValue = new HashMap<>();
  private final Map<String, Long> lastEvent = new HashMap<>();
  private long unjudged;

  AlertEvaluator(List<AlertRule> rules, Baselines baselines, long startedAt) {
    this.rules = List.copyOf(rules);
    this.baselines = baselines;
    this.startedAt = startedAt;
    for (AlertRule rule : rules) {
      instances.put(rule, new LinkedHashMap<>());
      if (rule.change != null) {
        long back = rule.change.windowMillis() + (rule.change.fromStore() ? 0 : rule.change.offsetMillis());
        recent.keep(rule.period.name(), rule.group, back + rule.period.interval().toMillis());
      }
      if (AlertRule.DATAPOINTS.equals(rule.absent)) {
        lastValue.put(rule, new HashMap<>());
      }
    }
  }

  List<AlertRule> rules() {
    return rules;
  }

  /** Judges the value rules that watch this datapoint; notes what absence rules need. */
  List<Transition> onDatapoint(Datapoint p, long now) {
    recent.add(p);
    List<Transition> out = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (!rule.watches(p)) {
        continue;
      }
      if (rule.isAbsence()) {
        sawDatapoint(rule, p, now);
      } else {
        judge(rule, p, out);
      }
    }
    return out;
  }

  /** Events came from a source (for {@code absent: events}). */
  void onEvents(String source, long now) {
    lastEvent.merge(source, now, Math::max);
  }

  /** Judges the absence rules at {@code now}. */
  List<Transition> onClock(long now) {
    List<Transition> out = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (AlertRule.EVENTS.equals(rule.absent)) {
        judgeSilence(rule, rule.source, lastEvent.getOrDefault(rule.source, startedAt), now, out);
      } else if (AlertRule.DATAPOINTS.equals(rule.absent)) {
        String key = rule.series == null ? "" : rule.series;
        judgeSilence(rule, key, lastValue.get(rule).getOrDefault(key, startedAt), now, out);
      }
    }
    return out;
  }

  /**
   * Takes a firing alert that was notified before (by this node before it restarted, or by
   * the node that held the rule before): it stays firing until its condition has been false
   * for the rule's {@code keep_firing_for}, and then resolves, once.
   */
  void adopt(AlertRule rule, Alert notified) {
    String key = keyOf(rule, notified.labels());
    AlertInstance instance = instances.get(rule).computeIfAbsent(key, k -> newInstance(rule));
    instance.adoptFiring(notified.activeAt(), notified.startsAt(), notified.value());
    if (AlertRule.EVENTS.equals(rule.absent) && !lastEvent.containsKey(rule.source)) {
      lastEvent.put(rule.source, notified.activeAt() - rule.holdMillis); // silent since then
    } else if (AlertRule.DATAPOINTS.equals(rule.absent)) {
      lastValue.get(rule).putIfAbsent(key, notified.activeAt() - rule.holdMillis);
    }
  }

  /** The alerts that are pending or firing now, of one rule or (null) of all. */
  List<Alert> active(AlertRule only) {
    List<Alert> out = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (only == null || only == rule) {
        instances.get(rule).forEach((key, instance) -> out.add(alert(rule, key, instance)));
      }
    }
    return out;
  }

  /** Series not judged because a rule had {@link #MAX_ALERTS_PER_RULE} alerts already. */
  long unjudged() {
    return unjudged;
  }

  private void judge(AlertRule rule, Datapoint p, List<Transition> out) {
    Map<String, AlertInstance> mine = instances.get(rule);
    Set<String> judged = new HashSet<>();
    for (String key : rule.keys(p)) {
      judged.add(key);
      Double value = value(rule, key, p);
      if (value == null || value.isNaN()) {
        continue; // no value (no event in the window, no baseline yet): nothing to judge on
      }
      AlertInstance instance = mine.get(key);
      boolean firing = instance != null && instance.state() == AlertState.FIRING;
      boolean holds = rule.threshold.holds(value, firing);
      if (instance == null && holds) {
        if (mine.size() >= MAX_ALERTS_PER_RULE) {
          unjudged++;
          continue;
        }
        instance = newInstance(rule);
        mine.put(key, instance);
      }
      if (instance != null) {
        observe(rule, key, instance, p.time(), holds, value, out);
      }
    }
    // A series gone from the datapoint (a by-value with no event in the window) is false.
    for (String key : new ArrayList<>(mine.keySet())) {
      if (!judged.contains(key)) {
        observe(rule, key, mine.get(key), p.time(), false, null, out);
      }
    }
  }

  /** The value a rule judges: the series' own, or its ratio to its baseline. */
  private Double value(AlertRule rule, String key, Datapoint p) {
    if (rule.change == null) {
      return p.values().get(key);
    }
    long window = rule.change.windowMillis();
    int expected = (int) Math.max(1, window / rule.period.interval().toMillis() / 2);
    Double now = recent.mean(p.period(), p.group(), key, p.time() - window, p.time(), expected);
    long to = p.time() - rule.change.offsetMillis();
    Double before = rule.change.fromStore() ? baselines.mean(rule, key, to - window, to)
        : recent.mean(p.period(), p.group(), key, to - window, to, expected);
    return now == null || before == null || before <= 0 ? null : now / before;
  }

  private void sawDatapoint(AlertRule rule, Datapoint p, long now) {
    if (rule.series == null) {
      lastValue.get(rule).put("", now);
    } else if (p.values().get(rule.series) != null) {
      lastValue.get(rule).put(rule.series, now);
    }
  }

  private void judgeSilence(AlertRule rule, String key, long since, long now, List<Transition> out) {
    long silence = Math.max(0, now - since);
    boolean holds = silence >= rule.holdMillis;
    AlertInstance instance = instances.get(rule).get(key);
    if (instance == null && holds) {
      instance = newInstance(rule);
      instances.get(rule).put(key, instance);
    }
    if (instance != null) {
      observe(rule, key, instance, now, holds, silence / 1000.0, out);
    }
  }

  private void observe(AlertRule rule, String key, AlertInstance instance, long time,
      boolean holds, Double value, List<Transition> out) {
    AlertState before = instance.state();
    AlertState after = instance.observe(time, holds, value);
    if (after != null) {
      out.add(new Transition(rule, before, alert(rule, key, instance)));
    }
    if (instance.state() == AlertState.INACTIVE || instance.state() == AlertState.RESOLVED) {
      instances.get(rule).remove(key);
    }
  }

  private static AlertInstance newInstance(AlertRule rule) {
    // An absence's condition holds only after its 'for': it fires as soon as it holds.
    return new AlertInstance(rule.isAbsence() ? 0 : rule.holdMillis, rule.keepMillis);
  }

  private static Alert alert(AlertRule rule, String key, AlertInstance instance) {
    Map<String, String> labels = rule.labels(key);
    return new Alert(rule.name, instance.state(), labels, rule.annotations(instance.value(), labels),
        instance.value(), rule.valueText(instance.value()), instance.activeAt(),
        instance.startsAt(), instance.endsAt());
  }

  private static String keyOf(AlertRule rule, Map<String, String> labels) {
    if (rule.source != null) {
      return rule.source;
    }
    return labels.getOrDefault("series", "");
  }
}
