package dev.livelog.alert;

import dev.livelog.common.bus.Datapoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The datapoints of the last while, per period and group, as far back as the change rules
 * that watch them look (their window, and the window before); the rest are dropped as new
 * ones come. A group's series are bounded by the analyzer, so this is bounded too.
 */
final class RecentDatapoints {
  private final Map<String, Long> spans = new HashMap<>();
  private final Map<String, Deque<Datapoint>> points = new HashMap<>();

  /** Keeps a group's datapoints of a period for {@code spanMillis} (the longest asked for). */
  void keep(String period, String group, long spanMillis) {
    spans.merge(key(period, group), spanMillis, Math::max);
  }

  boolean keeps(Datapoint p) {
    return spans.containsKey(key(p.period(), p.group()));
  }

  /** Adds a datapoint (in time order; one not newer than the last is dropped). */
  void add(Datapoint p) {
    String key = key(p.period(), p.group());
    Long span = spans.get(key);
    if (span == null) {
      return;
    }
    Deque<Datapoint> deque = points.computeIfAbsent(key, k -> new ArrayDeque<>());
    if (!deque.isEmpty() && deque.peekLast().time() >= p.time()) {
      return;
    }
    deque.addLast(p);
    while (deque.peekFirst().time() <= p.time() - span) {
      deque.removeFirst();
    }
  }

  /**
   * The mean of a series over the datapoints with times in {@code (from, to]}, or null when
   * fewer than {@code atLeast} of them have a value (just after a start, say).
   */
  Double mean(String period, String group, String series, long from, long to, int atLeast) {
    Deque<Datapoint> deque = points.get(key(period, group));
    if (deque == null) {
      return null;
    }
    double sum = 0;
    int n = 0;
    for (Iterator<Datapoint> it = deque.descendingIterator(); it.hasNext(); ) {
      Datapoint p = it.next();
      if (p.time() <= from) {
        break;
      }
      Double v = p.time() <= to ? p.values().get(series) : null;
      if (v != null) {
        sum += v;
        n++;
      }
    }
    return n == 0 || n < atLeast ? null : sum / n;
  }

  private static String key(String period, String group) {
    return period + "\u0000" + group;
  }
}
