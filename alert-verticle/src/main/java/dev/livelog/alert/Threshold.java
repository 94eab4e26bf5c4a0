package dev.livelog.alert;

/**
 * A value's bound: {@code above} or below {@code limit}. A firing alert stays firing until the
 * value is past {@code clear} instead (at most the limit when above, at least when below), so
 * one that hovers around the limit does not resolve and fire again.
 */
record Threshold(boolean above, double limit, double clear) {

  boolean holds(double value, boolean firing) {
    double bound = firing ? clear : limit;
    return above ? value > bound : value < bound;
  }

  String describe() {
    return (above ? "above " : "below ") + Numbers.plain(limit);
  }
}
