package dev.livelog.analyzer.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@link HeavyKeys} for counts alone, in flat arrays: the same space-saving sketch with batched
 * evictions and the same bounds, but a key is a slot in a few arrays (its characters in one
 * shared slab) instead of a string, a map entry and a holder of its own. {@code analyze}
 * counts the paths and clients of millions of lines here: with hundreds of thousands of
 * distinct clients, keys come and go all the time, and as objects every young collection
 * copied the new ones and every eviction left them to the old generation (a third of
 * {@code analyze}'s time was collections, a third of the rest map lookups and evictions; see
 * "Hand-written machinery, measured" in ARCHITECTURE).
 *
 * <p>Up to {@code 2 * capacity} keys are held, and their characters are bounded too
 * ({@code charBudget}): past either, the keys of least estimate are evicted until
 * {@code capacity} keys and half the characters are left. Counts never exceed the truth; a
 * key may have missed at most its error, no key more than {@link #maxError()}; while nothing
 * was evicted every count is exact. Mergeable: the bounds add up.
 */
public final class HeavyKeyCounts {
  /** A key and its count: at least {@code count} events, at most {@code count + error}. */
  public record Counted(String key, long count, long error) {}

  private static final int MAX_CAPACITY = 1 << 20;

  private final int capacity;
  private final int charBudget;
  private int size;
  /** Open addressing, at most half full: an entry's index + 1, 0 for a free slot. */
  private int[] slots;
  private int[] hashes;
  private long[] counts;
  private long[] errors;
  private int[] starts;
  private int[] lengths;
  private char[] chars;
  private int charsUsed;
  private long floor;
  private long evictions;
  /** Events of keys too long to hold (more than half the character budget). */
  private long unheld;

  /**
   * @param capacity keys kept after an eviction (up to twice as many are held)
   * @param charBudget characters of keys held at most (a key longer than that is not held)
   */
  public HeavyKeyCounts(int capacity, int charBudget) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be 1 to " + MAX_CAPACITY);
    }
    this.capacity = capacity;
    this.charBudget = charBudget;
    int entries = 2 * capacity;
    this.slots = new int[Integer.highestOneBit(entries * 2 - 1) << 1];
    this.hashes = new int[entries];
    this.counts = new long[entries];
    this.errors = new long[entries];
    this.starts = new int[entries];
    this.lengths = new int[entries];
    this.chars = new char[Math.min(charBudget, 16 * entries)];
  }

  /** Counts {@code n} events of {@code key}. */
  public void add(String key, long n) {
    add(key, n, 0);
  }

  /** A key not held yet may have missed as many events as any key evicted so far: the floor. */
  private void add(String key, long n, long error) {
    int hash = spread(key.hashCode());
    int mask = slots.length - 1;
    int i = hash & mask;
    for (int e; (e = slots[i]) != 0; i = (i + 1) & mask) {
      if (hashes[e - 1] == hash && sameKey(e - 1, key)) {
        counts[e - 1] += n;
        errors[e - 1] += error;
        return;
      }
    }
    if (key.length() > charBudget / 2) {
      unheld += n;  // too long to hold: its events are missing from the counts
      return;
    }
    long errorIfNew = floor;
    if (size == hashes.length || charsUsed + key.length() > charBudget) {
      evictToCapacity();
      i = freeSlot(hash);
    }
    insert(i, hash, key, n, errorIfNew + error);
  }

  private void insert(int slot, int hash, String key, long count, long error) {
    int e = size++;
    if (charsUsed + key.length() > chars.length) {
      chars = Arrays.copyOf(chars, (int) Math.min(charBudget, Math.max(2L * chars.length, charsUsed + key.length())));
    }
    key.getChars(0, key.length(), chars, charsUsed);
    starts[e] = charsUsed;
    lengths[e] = key.length();
    charsUsed += key.length();
    hashes[e] = hash;
    counts[e] = count;
    errors[e] = error;
    slots[slot] = e + 1;
  }

  private boolean sameKey(int e, String key) {
    int length = lengths[e];
    if (length != key.length()) {
      return false;
    }
    int start = starts[e];
    for (int c = 0; c < length; c++) {
      if (chars[start + c] != key.charAt(c)) {
        return false;
      }
    }
    return true;
  }

  private int freeSlot(int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * Evicts the keys of least estimate until at most {@code capacity} keys and half the
   * character budget are left, then packs what is left.
   */
  private void evictToCapacity() {
    // Entries by estimate, most first: the estimate in the high bits, the index in the low 21.
    long[] order = new long[size];
    for (int e = 0; e < size; e++) {
      order[e] = ((counts[e] + errors[e]) << 21) | e;
    }
    Arrays.sort(order);
    int keep = 0;
    long keptChars = 0;
    for (int k = size - 1; k >= 0 && keep < capacity; k--) {
      int e = (int) (order[k] & ((1 << 21) - 1));
      if (keptChars + lengths[e] > charBudget / 2) {
        break;
      }
      keptChars += lengths[e];
      keep++;
    }
    int evicted = size - keep;
    if (evicted > 0) {
      floor = Math.max(floor, order[evicted - 1] >>> 21);
      evictions += evicted;
    }
    pack(order, evicted);
  }

  /** Keeps the entries {@code order[from..]} names, in fresh arrays and a fresh table. */
  private void pack(long[] order, int from) {
    int[] oldStarts = starts;
    int[] oldLengths = lengths;
    int[] oldHashes = hashes;
    long[] oldCounts = counts;
    long[] oldErrors = errors;
    char[] oldChars = chars;
    int entries = hashes.length;
    starts = new int[entries];
    lengths = new int[entries];
    hashes = new int[entries];
    counts = new long[entries];
    errors = new long[entries];
    chars = new char[oldChars.length];
    Arrays.fill(slots, 0);
    size = 0;
    charsUsed = 0;
    for (int k = from; k < order.length; k++) {
      int e = (int) (order[k] & ((1 << 21) - 1));
      int n = size++;
      System.arraycopy(oldChars, oldStarts[e], chars, charsUsed, oldLengths[e]);
      starts[n] = charsUsed;
      lengths[n] = oldLengths[e];
      charsUsed += oldLengths[e];
      hashes[n] = oldHashes[e];
      counts[n] = oldCounts[e];
      errors[n] = oldErrors[e];
      slots[freeSlot(oldHashes[e])] = n + 1;
    }
  }

  private String key(int e) {
    return new String(chars, starts[e], lengths[e]);
  }

  private int find(String key) {
    int hash = spread(key.hashCode());
    int mask = slots.length - 1;
    for (int i = hash & mask, e; (e = slots[i]) != 0; i = (i + 1) & mask) {
      if (hashes[e - 1] == hash && sameKey(e - 1, key)) {
        return e - 1;
      }
    }
    return -1;
  }

  /** Adds another sketch's keys and counts to this one. */
  public void merge(HeavyKeyCounts other) {
    // A key held on one side only may have had up to the other side's floor events there.
    if (other.floor > 0) {
      for (int e = 0; e < size; e++) {
        if (other.find(key(e)) < 0) {
          errors[e] += other.floor;
        }
      }
    }
    for (int e = 0; e < other.size; e++) {
      add(other.key(e), other.counts[e], other.errors[e]);
    }
    floor += other.floor;
    evictions += other.evictions;
    unheld += other.unheld;
  }

  /** The {@code n} keys with the most counted events, most first (ties by key). */
  public List<Counted> top(int n) {
    if (n <= 0) {
      return List.of();
    }
    Comparator<Counted> most = Comparator.comparingLong(Counted::count).reversed()
        .thenComparing(Counted::key);
    PriorityQueue<Counted> best = new PriorityQueue<>(most.reversed());
    for (int e = 0; e < size; e++) {
      if (best.size() < n || counts[e] >= best.peek().count()) {
        best.add(new Counted(key(e), counts[e], errors[e]));
        if (best.size() > n) {
          best.poll();
        }
      }
    }
    List<Counted> out = new ArrayList<>(best);
    out.sort(most);
    return out;
  }

  /** Keys held now. */
  public int size() {
    return size;
  }

  /** The most events any count may be short of: 0 while every count is exact. */
  public long maxError() {
    return Math.max(floor, unheld);
  }

  /** Whether every count is exact (no key was ever evicted, here or in what was merged). */
  public boolean exact() {
    return floor == 0 && evictions == 0 && unheld == 0;
  }
}
