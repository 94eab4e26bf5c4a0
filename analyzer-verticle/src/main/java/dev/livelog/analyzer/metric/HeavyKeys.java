package dev.livelog.analyzer.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The most frequent keys of a stream in bounded memory, each with a value of the caller's (an
 * accumulator, or nothing): a space-saving sketch (Metwally et al.) with batched evictions.
 * Up to {@code 2 * capacity} keys are held; past that the least frequent are evicted at once
 * down to {@code capacity} (a sort per {@code capacity} new keys rather than a heap update per
 * event), each handed to the eviction hook (which folds its value elsewhere, e.g. into an
 * {@code other} series).
 *
 * <p>Counts are what was recorded while a key was held, so a count never exceeds the truth;
 * a key may have missed at most its {@link Held#error()} events (recorded before it was last
 * evicted), and no key ever missed more than {@link #maxError()}. While nothing was evicted
 * every count is exact. Keys are ranked for eviction by their estimate (count plus possible
 * error), which is what guarantees that a key with more than {@code events / capacity}
 * occurrences is held. Mergeable ({@link #merge}): the bounds add up.
 *
 * @param <V> the value held per key
 */
public final class HeavyKeys<V> {
  /** A held key: its value, the events recorded for it, how many it may have missed. */
  public static final class Held<V> {
    private final String key;
    private V value;
    private long count;
    private long error;

    private Held(String key, long error) {
      this.key = key;
      this.error = error;
    }

    public String key() {
      return key;
    }

    /** The caller's value for this key, null until set. */
    public V value() {
      return value;
    }

    public void value(V v) {
      value = v;
    }

    /** Events recorded while the key was held: a lower bound of its true count. */
    public long count() {
      return count;
    }

    /** At most this many of the key's events were not recorded. */
    public long error() {
      return error;
    }

    long estimate() {
      return count + error;
    }
  }

  private final int capacity;
  private final Consumer<Held<V>> evicted;
  private final Map<String, Held<V>> held = new HashMap<>();
  private long floor;
  private long evictions;
  private boolean decayed;

  /**
   * @param capacity keys kept after an eviction (up to twice as many are held)
   * @param evicted called with each evicted key, its value and counts
   */
  public HeavyKeys(int capacity, Consumer<Held<V>> evicted) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.evicted = evicted;
  }

  /** A sketch of counts only: evicted keys are forgotten. */
  public static <V> HeavyKeys<V> counting(int capacity) {
    return new HeavyKeys<>(capacity, h -> { });
  }

  public int capacity() {
    return capacity;
  }

  /** Counts {@code n} events of {@code key} and returns its entry (new: with a null value). */
  public Held<V> add(String key, long n) {
    Held<V> h = held.get(key);
    if (h == null) {
      h = insert(key, floor);
    }
    h.count += n;
    return h;
  }

  /** The entry of a held key, or null. */
  public Held<V> get(String key) {
    return held.get(key);
  }

  public Collection<Held<V>> held() {
    return held.values();
  }

  public int size() {
    return held.size();
  }

  /** The most events any count may be short of: 0 while every count is exact. */
  public long maxError() {
    return floor;
  }

  /** Whether every count is exact (no key was ever evicted, here or in what was merged). */
  public boolean exact() {
    return floor == 0 && evictions == 0 && !decayed;
  }

  /** Keys evicted so far (a key evicted twice counts twice). */
  public long evictions() {
    return evictions;
  }

  /**
   * Adds another sketch's keys and counts; {@code combine} merges a value into the one held
   * for the same key (it gets null for a key new here, and returns the value to hold).
   */
  public void merge(HeavyKeys<V> other, java.util.function.BinaryOperator<V> combine) {
    // A key held on one side only may have had up to the other side's floor events there.
    for (Held<V> mine : held.values()) {
      if (!other.held.containsKey(mine.key)) {
        mine.error += other.floor;
      }
    }
    List<Held<V>> incoming = new ArrayList<>(other.held.values());
    for (Held<V> o : incoming) {
      Held<V> h = held.get(o.key);
      if (h == null) {
        h = insert(o.key, floor);
      }
      h.count += o.count;
      h.error += o.error;
      h.value = combine.apply(h.value, o.value);
    }
    floor += other.floor;
    evictions += other.evictions;
    decayed |= other.decayed;
  }

  /**
   * Halves every count (rounding down) and every bound (rounding up), so that events recorded
   * from now on weigh twice as much as those before: a sketch of recent traffic. Counts are no
   * longer of all events, and {@link #exact()} is false from then on.
   */
  public void decay() {
    for (Held<V> h : held.values()) {
      h.count /= 2;
      h.error = (h.error + 1) / 2;
    }
    floor = (floor + 1) / 2;
    decayed = true;
  }

  /** The {@code n} keys with the most recorded events, most first (ties by key). */
  public List<Held<V>> top(int n) {
    List<Held<V>> all = new ArrayList<>(held.values());
    all.sort((a, b) -> a.count != b.count ? Long.compare(b.count, a.count) : a.key.compareTo(b.key));
    return all.subList(0, Math.min(n, all.size()));
  }

  private Held<V> insert(String key, long error) {
    if (held.size() >= 2 * capacity) {
      evictToCapacity();
    }
    Held<V> h = new Held<>(key, error);
    held.put(key, h);
    return h;
  }

  /** Evicts the keys of least estimate until {@code capacity} are left. */
  private void evictToCapacity() {
    long[] estimates = new long[held.size()];
    int i = 0;
    for (Held<V> h : held.values()) {
      estimates[i++] = h.estimate();
    }
    Arrays.sort(estimates);
    long threshold = estimates[estimates.length - capacity];
    // Keys below the threshold go; of those at it, as many as needed to leave `capacity`.
    int atThresholdToEvict = 0;
    for (int j = estimates.length - capacity - 1; j >= 0 && estimates[j] == threshold; j--) {
      atThresholdToEvict++;
    }
    for (Iterator<Held<V>> it = held.values().iterator(); it.hasNext(); ) {
      Held<V> h = it.next();
      long e = h.estimate();
      if (e < threshold || (e == threshold && atThresholdToEvict-- > 0)) {
        it.remove();
        floor = Math.max(floor, e);
        evictions++;
        evicted.accept(h);
      }
    }
  }
}
