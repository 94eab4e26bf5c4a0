package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans longer than a window that some metrics read ({@code Metric.lookbacks}, e.g. a
 * burn rate over the last hour): per second by event time, like {@link SecondBuckets}, but only
 * for the groups that have such metrics and only for their series (plus the group's total), as
 * far back as the longest lookback (at most {@code Metric.LONGEST_LOOKBACK}). A span is merged
 * once per tick and length, however many series read it.
 */
final class LookbackBuckets {
  private final List<GroupPlan> groups = new ArrayList<>();
  /** A group's index among all groups to its index here, or -1. */
  private final int[] index;
  private final long keepSeconds;
  private final SecondBuckets buckets;
  private long mergedAt = Long.MIN_VALUE;
  private final Map<Long, GroupStats[]> merged = new HashMap<>();

  /**
   * @param settleSeconds how long after its time a tick reads its spans: kept that much longer
   * @param futureSeconds how far ahead of the clock an event may be
   */
  LookbackBuckets(List<GroupPlan> all, long settleSeconds, long futureSeconds) {
    index = new int[all.size()];
    long longest = 0;
    for (int g = 0; g < all.size(); g++) {
      long seconds = all.get(g).lookbackSeconds();
      index[g] = seconds > 0 ? groups.size() : -1;
      if (seconds > 0) {
        groups.add(all.get(g));
        longest = Math.max(longest, seconds);
      }
    }
    keepSeconds = groups.isEmpty() ? 0 : longest + settleSeconds;
    buckets = groups.isEmpty() ? null
        : new SecondBuckets(groups, (int) (keepSeconds + futureSeconds + 5));
  }

  /** How far back events are kept, in seconds (0: no metric asks). */
  long keepSeconds() {
    return keepSeconds;
  }

  /** Adds an event of {@code second} unless it is older than every lookback. */
  void add(LogEvent event, long second, long now) {
    if (buckets == null || second < now - keepSeconds) {
      return;
    }
    GroupStats[] slot = buckets.at(second);
    for (int j = 0; j < slot.length; j++) {
      groups.get(j).addLookback(event, slot[j]);
    }
  }

  /** The lookbacks of group {@code g} (its index among all groups) for a tick ending at {@code end}. */
  Window.Lookback of(int g, long end) {
    int j = index[g];
    if (j < 0) {
      return Window.Lookback.NONE;
    }
    return groups.get(j).lookback(seconds -> spans(end, seconds)[j]);
  }

  private GroupStats[] spans(long end, long seconds) {
    if (end != mergedAt) {
      merged.clear();
      mergedAt = end;
    }
    return merged.computeIfAbsent(seconds, s -> buckets.window(end - s, end));
  }
}
