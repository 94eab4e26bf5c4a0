package dev.livelog.alert;

import static dev.livelog.alert.AlertState.FIRING;
import static dev.livelog.alert.AlertState.INACTIVE;
import static dev.livelog.alert.AlertState.PENDING;
import static dev.livelog.alert.AlertState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertInstanceTest {
  /** The transitions of an instance fed one observation every 5 s from t = 0. */
  private static List<String> run(long hold, long keep, boolean... holds) {
    AlertInstance alert = new AlertInstance(hold, keep);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < holds.length; i++) {
      AlertState s = alert.observe(i * 5_000L, holds[i], holds[i] ? 9.0 : 1.0);
      if (s != null) {
        out.add(i + ":" + s);
      }
    }
    return out;
  }

  @Test
  void pendingForItsHoldThenFiringThenResolvedAfterKeep() {
    assertThat(run(10_000, 5_000, false, true, true, true, true, false, false, false))
        .containsExactly("1:PENDING", "3:FIRING", "6:RESOLVED");
  }

  @Test
  void aFlapInsideForNeverFires() {
    assertThat(run(15_000, 5_000, true, true, false, true, true, false, true, true, true, false))
        .containsExactly("0:PENDING", "2:INACTIVE", "3:PENDING", "5:INACTIVE", "6:PENDING", "9:INACTIVE");
  }

  @Test
  void aFiringAlertFlappingInsideKeepStaysFiring() {
    assertThat(run(0, 10_000, true, false, true, false, false, true, false, false, false))
        .containsExactly("0:FIRING", "8:RESOLVED");
  }

  @Test
  void withoutHoldItFiresAtOnceAndResolvesAtTheFirstFalseWithoutKeep() {
    assertThat(run(0, 0, true, false, true)).containsExactly("0:FIRING", "1:RESOLVED", "2:FIRING");
  }

  @Test
  void keepsTheTimesOfItsEpisodeAndIgnoresOldObservations() {
    AlertInstance alert = new AlertInstance(5_000, 0);
    assertThat(alert.observe(1_000, true, 7.0)).isEqualTo(PENDING);
    assertThat(alert.observe(500, false, 1.0)).as("older than the last").isNull();
    assertThat(alert.observe(6_000, true, 8.0)).isEqualTo(FIRING);
    assertThat(alert.activeAt()).isEqualTo(1_000);
    assertThat(alert.startsAt()).isEqualTo(6_000);
    assertThat(alert.observe(7_000, false, 1.0)).isEqualTo(RESOLVED);
    assertThat(alert.endsAt()).isEqualTo(7_000);
    assertThat(alert.value()).as("the value it fired on").isEqualTo(8.0);
    assertThat(alert.observe(8_000, false, 1.0)).isNull();
    assertThat(alert.state()).isEqualTo(RESOLVED);
    assertThat(alert.observe(9_000, true, 9.0)).isEqualTo(PENDING);
    assertThat(alert.endsAt()).isEqualTo(-1);
  }

  @Test
  void anAdoptedFiringAlertResolvesOnceItsConditionIsFalse() {
    AlertInstance alert = new AlertInstance(30_000, 5_000);
    alert.adoptFiring(1_000, 31_000, 12.0);
    assertThat(alert.state()).isEqualTo(FIRING);
    assertThat(alert.observe(40_000, true, 11.0)).isNull();
    assertThat(alert.observe(45_000, false, 1.0)).isNull();
    assertThat(alert.observe(50_000, false, 1.0)).isEqualTo(RESOLVED);
    assertThat(alert.startsAt()).isEqualTo(31_000);
    assertThat(alert.state()).isNotEqualTo(INACTIVE);
  }
}
