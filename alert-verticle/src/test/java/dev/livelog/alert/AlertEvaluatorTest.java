package dev.livelog.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.SeriesValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {
  private static final long T0 = 1_700_000_000_000L;

  private static Datapoint point(String group, long time, Object... seriesAndValues) {
    return new Datapoint("5s", group, time, 100, SeriesValues.of(seriesAndValues));
  }

  private static String describe(List<AlertEvaluator.Transition> transitions) {
    List<String> out = new ArrayList<>();
    for (AlertEvaluator.Transition t : transitions) {
      out.add(t.alert().labels().getOrDefault("series", t.alert().labels().getOrDefault("source", ""))
          + ":" + t.alert().state().label());
    }
    return String.join(" ", out);
  }

  @Test
  void aSpikeGoesPendingThenFiringThenResolvedWithItsTimes() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {errors: {group: status, series: 5xx, above: 5, for: 10s}}"), Baselines.NONE, T0);
    List<String> seen = new ArrayList<>();
    double[] fivexx = {1, 9, 9, 9, 2, 1, 1};
    List<AlertEvaluator.Transition> all = new ArrayList<>();
    for (int i = 0; i < fivexx.length; i++) {
      List<AlertEvaluator.Transition> t = e.onDatapoint(point("status", T0 + i * 5_000L, "2xx", 90, "5xx", fivexx[i]), 0);
      all.addAll(t);
      seen.add(describe(t));
    }
    assertThat(seen).as("resolved after 10 s false: keep_firing_for is 'for' by default")
        .containsExactly("", "5xx:pending", "", "5xx:firing", "", "", "5xx:resolved");
    Alert firing = all.get(1).alert();
    assertThat(firing.startsAt()).isEqualTo(T0 + 15_000);
    assertThat(firing.activeAt()).isEqualTo(T0 + 5_000);
    assertThat(firing.annotations()).containsEntry("summary", "status 5xx is 9.0, above 5 for 10s");
    Alert resolved = all.get(2).alert();
    assertThat(resolved.endsAt()).isEqualTo(T0 + 30_000);
    assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
    assertThat(e.active(null)).isEmpty();
  }

  @Test
  void withoutASeriesEachSeriesIsItsOwnAlertAndAVanishedSeriesResolves() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {slow: {group: upstreams, above: 1, keep_firing_for: 0s}}"), Baselines.NONE, T0);
    assertThat(describe(e.onDatapoint(point("upstreams", T0, "rt a", 2, "rt b", 0.5, "rt c", 3), 0)))
        .isEqualTo("rt a:firing rt c:firing");
    assertThat(e.active(null)).hasSize(2);
    assertThat(describe(e.onDatapoint(point("upstreams", T0 + 5_000, "rt b", 0.5, "rt c", 3), 0)))
        .isEqualTo("rt a:resolved");
    assertThat(describe(e.onDatapoint(point("hits", T0 + 5_000, "hits", 3), 0))).as("another group").isEmpty();
  }

  @Test
  void aSeriesWithoutAValueIsNotJudged() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {errors: {group: status, series: 5xx, above: 5, keep_firing_for: 0s}}"), Baselines.NONE, T0);
    assertThat(describe(e.onDatapoint(point("status", T0, "5xx", 9), 0))).isEqualTo("5xx:firing");
    assertThat(describe(e.onDatapoint(point("status", T0 + 5_000, "5xx", null), 0))).as("no event").isEmpty();
    assertThat(e.active(null)).extracting(Alert::state).containsExactly(AlertState.FIRING);
    assertThat(describe(e.onDatapoint(point("status", T0 + 10_000, "5xx", 1), 0))).isEqualTo("5xx:resolved");
  }

  @Test
  void clearIsTheHysteresisOfAFiringAlert() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {errors: {group: status, series: 5xx, above: 5, clear: 3, keep_firing_for: 0s}}"),
        Baselines.NONE, T0);
    StringBuilder seen = new StringBuilder();
    double[] fivexx = {6, 4.5, 5.5, 4, 2.9, 4.5};
    for (int i = 0; i < fivexx.length; i++) {
      seen.append(describe(e.onDatapoint(point("status", T0 + i * 5_000L, "5xx", fivexx[i]), 0))).append('|');
    }
    assertThat(seen.toString()).as("above 5 to fire, at or below 3 to clear")
        .isEqualTo("5xx:firing||||5xx:resolved||");
  }

  @Test
  void changeComparesTheWindowsMeanWithTheWindowBefore() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {surge: {group: hits, series: hits, change: previous, window: 20s, above: 2}}"),
        Baselines.NONE, T0);
    List<String> seen = new ArrayList<>();
    // 4 points per 20 s window: 10, 10, 10, 10 | 10, 30, 30, 30 -> 25 / 10 = 2.5
    double[] hits = {10, 10, 10, 10, 10, 30, 30, 30};
    List<AlertEvaluator.Transition> all = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      List<AlertEvaluator.Transition> t = e.onDatapoint(point("hits", T0 + i * 5_000L, "hits", hits[i]), 0);
      all.addAll(t);
      seen.add(describe(t));
    }
    assertThat(seen).containsExactly("", "", "", "", "", "", "", "hits:firing");
    assertThat(all.get(0).alert().value()).isEqualTo(2.5);
    assertThat(all.get(0).alert().valueText()).isEqualTo("2.50x");
  }

  @Test
  void changeAgainstADayEarlierAsksTheBaselines() {
    List<long[]> asked = new ArrayList<>();
    Baselines dayAgo = (rule, series, from, to) -> {
      asked.add(new long[] {from, to});
      return 4.0;
    };
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {drop: {group: hits, series: hits, change: day, window: 10s, below: 0.5}}"), dayAgo, T0);
    List<AlertEvaluator.Transition> t = e.onDatapoint(point("hits", T0, "hits", 1), 0);
    assertThat(describe(t)).isEqualTo("hits:firing");
    assertThat(t.get(0).alert().value()).isEqualTo(0.25);
    assertThat(asked.get(0)).containsExactly(T0 - 86_400_000 - 10_000, T0 - 86_400_000);
  }

  @Test
  void aSilentSourceFiresAfterItsForAndResolvesWithItsNextEvents() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {quiet: {absent: events, source: web, for: 1m}}"), Baselines.NONE, T0);
    assertThat(describe(e.onClock(T0 + 59_000))).as("counted from the start").isEmpty();
    List<AlertEvaluator.Transition> fired = e.onClock(T0 + 60_000);
    assertThat(describe(fired)).isEqualTo("web:firing");
    assertThat(fired.get(0).alert().valueText()).isEqualTo("1m");
    assertThat(describe(e.onClock(T0 + 61_000))).isEmpty();
    e.onEvents("web", T0 + 61_500);
    assertThat(describe(e.onClock(T0 + 62_000))).isEqualTo("web:resolved");
    assertThat(describe(e.onClock(T0 + 121_000))).isEmpty();
    assertThat(describe(e.onClock(T0 + 121_500))).isEqualTo("web:firing");
  }

  @Test
  void noDatapointWithAValueOfTheSeriesForItsFor() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {gone: {absent: datapoints, group: upstreams, series: 'rt a', for: 30s}}"), Baselines.NONE, T0);
    e.onDatapoint(point("upstreams", T0 + 5_000, "rt a", 0.2), T0 + 5_100);
    e.onDatapoint(point("upstreams", T0 + 10_000, "rt a", null), T0 + 10_100);
    e.onDatapoint(point("upstreams", T0 + 30_000, "rt b", 0.2), T0 + 30_100);
    assertThat(describe(e.onClock(T0 + 35_000))).isEmpty();
    assertThat(describe(e.onClock(T0 + 35_100))).isEqualTo("rt a:firing");
  }

  @Test
  void anAdoptedAlertDoesNotFireAgainAndResolvesOnce() {
    List<AlertRule> rules = TestRules.compile(
        "alerts: {errors: {group: status, series: 5xx, above: 5, for: 10s, keep_firing_for: 0s}}");
    AlertEvaluator before = new AlertEvaluator(rules, Baselines.NONE, T0);
    for (int i = 0; i < 3; i++) {
      before.onDatapoint(point("status", T0 + i * 5_000L, "5xx", 9), 0);
    }
    Alert notified = before.active(null).get(0);
    assertThat(notified.state()).isEqualTo(AlertState.FIRING);

    AlertEvaluator after = new AlertEvaluator(rules, Baselines.NONE, T0 + 20_000);
    after.adopt(rules.get(0), notified);
    assertThat(describe(after.onDatapoint(point("status", T0 + 25_000, "5xx", 9), 0))).isEmpty();
    List<AlertEvaluator.Transition> resolved = after.onDatapoint(point("status", T0 + 30_000, "5xx", 1), 0);
    assertThat(describe(resolved)).isEqualTo("5xx:resolved");
    assertThat(resolved.get(0).alert().startsAt()).isEqualTo(notified.startsAt());
    assertThat(resolved.get(0).alert().fingerprint()).isEqualTo(notified.fingerprint());
  }

  @Test
  void anAdoptedSilenceStaysFiringWhileTheSourceIsStillSilent() {
    List<AlertRule> rules = TestRules.compile("alerts: {quiet: {absent: events, source: web, for: 1m}}");
    AlertEvaluator before = new AlertEvaluator(rules, Baselines.NONE, T0);
    before.onClock(T0 + 60_000);
    Alert notified = before.active(null).get(0);
    AlertEvaluator after = new AlertEvaluator(rules, Baselines.NONE, T0 + 70_000);
    after.adopt(rules.get(0), notified);
    assertThat(describe(after.onClock(T0 + 71_000))).isEmpty();
    after.onEvents("web", T0 + 72_000);
    assertThat(describe(after.onClock(T0 + 73_000))).isEqualTo("web:resolved");
  }

  @Test
  void aRuleJudgesAtMostItsCapOfSeries() {
    AlertEvaluator e = new AlertEvaluator(TestRules.compile(
        "alerts: {slow: {group: upstreams, above: 1}}"), Baselines.NONE, T0);
    Object[] many = new Object[2 * (AlertEvaluator.MAX_ALERTS_PER_RULE + 5)];
    for (int i = 0; i < many.length; i += 2) {
      many[i] = "rt " + i;
      many[i + 1] = 2;
    }
    e.onDatapoint(point("upstreams", T0, many), 0);
    assertThat(e.active(null)).hasSize(AlertEvaluator.MAX_ALERTS_PER_RULE);
    assertThat(e.unjudged()).isEqualTo(5);
  }
}
