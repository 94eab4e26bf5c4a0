package dev.livelog.alert;

import java.util.Locale;

/**
 * Where an alert is: its condition false ({@code INACTIVE}), true for less than the rule's
 * {@code for} ({@code PENDING}, shown but not sent), true for longer ({@code FIRING}, sent), or
 * false again for the rule's {@code keep_firing_for} after firing ({@code RESOLVED}, sent).
 */
public enum AlertState {
  INACTIVE, PENDING, FIRING, RESOLVED;

  /** As Alertmanager and the API write it: {@code firing}, {@code resolved}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlertState of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** Whether a receiver is told of this state. */
  public boolean notified() {
    return this == FIRING || this == RESOLVED;
  }
}
