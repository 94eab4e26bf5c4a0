package dev.livelog.alert;

/**
 * A series compared with itself earlier: the ratio of its mean over the last
 * {@code windowMillis} to its mean over the same span {@code offsetMillis} earlier (the window
 * before it, or a day or a week before).
 */
record Change(String against, long windowMillis) {
  static final long DAY = 86_400_000L;

  long offsetMillis() {
    return switch (against) {
      case "previous" -> windowMillis;
      case "day" -> DAY;
      default -> 7 * DAY;
    };
  }

  /** Whether the baseline is older than the datapoints kept in memory (read from the store). */
  boolean fromStore() {
    return !"previous".equals(against);
  }

  String describe() {
    return "previous".equals(against) ? "the window before" : "a " + against + " earlier";
  }
}
