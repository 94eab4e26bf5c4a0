package dev.livelog.alert;

/**
 * One alert's state over time (a rule's series, or the source it watches), with the rule's
 * hysteresis: its condition must hold for {@code hold} before it fires, so a value that
 * flaps inside that time never fires; and must be false for {@code keep} before a firing
 * alert resolves, so a value flapping around the threshold does not notify on every tick.
 * Observations come in time order; a plain object, not thread-safe.
 */
final class AlertInstance {
  private final long holdMillis;
  private final long keepMillis;
  private AlertState state = AlertState.INACTIVE;
  private long activeAt = -1;
  private long startsAt = -1;
  private long clearingSince = -1;
  private long endsAt = -1;
  private long observedAt = Long.MIN_VALUE;
  private Double value;

  AlertInstance(long holdMillis, long keepMillis) {
    this.holdMillis = holdMillis;
    this.keepMillis = keepMillis;
  }

  /**
   * The condition at {@code time}: true or not, with the value it was judged on (null when
   * there was none). Returns the new state when it changed, else null. An observation older
   * than the last one is ignored.
   */
  AlertState observe(long time, boolean holds, Double observed) {
    if (time <= observedAt) {
      return null;
    }
    observedAt = time;
    if (holds || state != AlertState.FIRING) {
      value = observed; // a firing alert keeps showing the value it fired on while it clears
    }
    return switch (state) {
      case INACTIVE, RESOLVED -> holds ? activate(time) : null;
      case PENDING -> !holds ? to(AlertState.INACTIVE)
          : time - activeAt >= holdMillis ? fire(time) : null;
      case FIRING -> holds ? keepFiring() : clearing(time);
    };
  }

  private AlertState activate(long time) {
    activeAt = time;
    startsAt = -1;
    endsAt = -1;
    clearingSince = -1;
    return holdMillis == 0 ? fire(time) : to(AlertState.PENDING);
  }

  private AlertState fire(long time) {
    startsAt = time;
    return to(AlertState.FIRING);
  }

  private AlertState keepFiring() {
    clearingSince = -1;
    return null;
  }

  private AlertState clearing(long time) {
    if (clearingSince < 0) {
      clearingSince = time;
    }
    if (time - clearingSince < keepMillis) {
      return null;
    }
    endsAt = time;
    return to(AlertState.RESOLVED);
  }

  private AlertState to(AlertState next) {
    state = next;
    return next;
  }

  /**
   * Takes the firing state that was notified before (by this node before a restart, or by the
   * node that held the rule's lease): the alert fires from {@code startsAt} until its
   * condition has been false for {@code keep}.
   */
  void adoptFiring(long activeSince, long firingSince, Double lastValue) {
    if (state != AlertState.FIRING) {
      state = AlertState.FIRING;
      clearingSince = -1;
      endsAt = -1;
      value = value == null ? lastValue : value;
    }
    activeAt = activeSince;
    startsAt = firingSince;
  }

  AlertState state() {
    return state;
  }

  /** When the condition became true (pending from then), or -1. */
  long activeAt() {
    return activeAt;
  }

  /** When it fired, or -1. */
  long startsAt() {
    return startsAt;
  }

  /** When it resolved, or -1. */
  long endsAt() {
    return endsAt;
  }

  Double value() {
    return value;
  }
}
