package dev.livelog.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-second statistics of every plot group by event time, in a ring long enough for the
 * longest window plus clock skew. A window is the merge of its seconds, so each tick costs
 * work proportional to the window's length, not to the events in it.
 */
final class SecondBuckets {
  private final List<GroupPlan> groups;
  private final long[] seconds;
  private final GroupStats[][] slots;

  SecondBuckets(List<GroupPlan> groups, int size) {
    this.groups = groups;
    this.seconds = new long[size];
    this.slots = new GroupStats[size][];
    java.util.Arrays.fill(seconds, Long.MIN_VALUE);
  }

  int size() {
    return seconds.length;
  }

  /** The statistics of one second, emptied first if the slot held an older second. */
  GroupStats[] at(long second) {
    int i = (int) Math.floorMod(second, (long) seconds.length);
    if (seconds[i] != second) {
      if (slots[i] == null) {
        slots[i] = new GroupStats[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
          slots[i][g] = groups.get(g).newStats();
        }
      } else {
        for (GroupStats s : slots[i]) {
          s.clear();
        }
      }
      seconds[i] = second;
    }
    return slots[i];
  }

  /** Every group's statistics merged over seconds {@code [from, to)}. */
  GroupStats[] window(long from, long to) {
    List<List<GroupStats>> parts = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      parts.add(new ArrayList<>());
    }
    for (long s = from; s < to; s++) {
      int i = (int) Math.floorMod(s, (long) seconds.length);
      if (seconds[i] == s) {
        for (int g = 0; g < groups.size(); g++) {
          parts.get(g).add(slots[i][g]);
        }
      }
    }
    GroupStats[] merged = new GroupStats[groups.size()];
    for (int g = 0; g < merged.length; g++) {
      merged[g] = groups.get(g).merged(parts.get(g));
    }
    return merged;
  }
}
