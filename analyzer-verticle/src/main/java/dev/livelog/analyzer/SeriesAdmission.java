package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.HeavyKeys;
import java.util.HashSet;
import java.util.Set;

/**
 * Which by-values of an analyzer get an accumulator of their own, in every second and window:
 * the heaviest of the recent traffic. Without it each second would pick its own heaviest from
 * its own few events, and a path steady at 1% of the traffic could lose to a tail of paths
 * asked once. It counts every key in a {@link HeavyKeys} sketch far larger than the series
 * (a key with more than {@code 1/capacity} of the traffic is always held) and ranks it again
 * after 16, 32, 64 ... events, then every {@value #RANK_EVERY}; the {@code admitted} first
 * get series. Until the first ranking, and whenever fewer keys were seen, a new key is
 * admitted while there is room, so few distinct values always all get series. Counts are
 * halved every {@value #DECAY_EVERY} rankings, so recent traffic weighs more than old.
 * Events of a key not admitted go to {@code other}; a key admitted later has its series from
 * then on.
 */
final class SeriesAdmission {
  static final int RANK_EVERY = 1024;
  static final int DECAY_EVERY = 64;
  private static final int MIN_CAPACITY = 1024;
  private static final int CAPACITY_PER_SERIES = 8;

  private final HeavyKeys<Void> traffic;
  private final int admitted;
  private Set<String> keys = new HashSet<>();
  private long events;
  private long nextRanking = 16;
  private int rankings;

  /** @param admitted how many keys get series at once */
  SeriesAdmission(int admitted) {
    this.admitted = admitted;
    this.traffic = HeavyKeys.counting(Math.max(MIN_CAPACITY, CAPACITY_PER_SERIES * admitted));
  }

  /** Counts an event of {@code key} and says whether it gets its own series. */
  boolean admits(String key) {
    traffic.add(key, 1);
    if (++events >= nextRanking) {
      rank();
    }
    if (keys.contains(key)) {
      return true;
    }
    if (keys.size() < admitted) {
      keys.add(key);
      return true;
    }
    return false;
  }

  private void rank() {
    nextRanking = events < RANK_EVERY ? events * 2 : events + RANK_EVERY;
    if (++rankings % DECAY_EVERY == 0) {
      traffic.decay();
    }
    Set<String> top = new HashSet<>();
    traffic.top(admitted).forEach(h -> top.add(h.key()));
    keys = top;
  }
}
