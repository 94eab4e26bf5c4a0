package dev.livelog.analyzer;

import dev.livelog.analyzer.metric.Accumulator;
import dev.livelog.analyzer.metric.HeavyKeys;
import dev.livelog.analyzer.metric.Metric;
import dev.livelog.store.query.BucketStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * One analyzer's series over some time (a second, a window, a stored bucket, a whole input):
 * an accumulator per key (a {@code by} value), in bounded memory. The keys are a
 * {@link HeavyKeys} sketch of {@code maxSeries} (holding up to twice as many); a key turned
 * away ({@link #fold}, see {@link SeriesAdmission}) or evicted from the sketch has its events
 * in the {@code other} accumulator, so no event is lost, only attributed to {@code other}.
 * Merging several (a window's seconds) keeps the {@code maxSeries} keys with the most events
 * over them all and folds the rest into {@code other}.
 *
 * <p>How many distinct keys were folded is counted by a HyperLogLog sketch (Apache
 * DataSketches: exact for a few keys, within about 3% past that, under 1 KiB), since
 * remembering them all is what the cap is there to avoid; sketches merge over a window. Rows
 * of a store's folded buckets say how many keys each folded; merged, the largest of those is a
 * lower bound (the same key may be folded in several buckets).
 */
final class KeyedSeries {
  static final String OTHER = "other";
  /** 2^10 registers: about 3% error, under 1 KiB per sketch. */
  private static final int LG_K = 10;

  private final Metric metric;
  private final int maxSeries;
  private final HeavyKeys<Accumulator> keys;
  private Accumulator other;
  private HllSketch foldedKeys;
  private long storedFolded;

  KeyedSeries(Metric metric, int maxSeries) {
    this.metric = metric;
    this.maxSeries = maxSeries;
    this.keys = new HeavyKeys<>(maxSeries, this::evicted);
  }

  /** The accumulator of {@code key}, which has one more event. */
  Accumulator at(String key) {
    HeavyKeys.Held<Accumulator> h = keys.add(key, 1);
    if (h.value() == null) {
      h.value(metric.newAccumulator());
    }
    return h.value();
  }

  /** The {@code other} accumulator, for an event of {@code key}, which gets no series here. */
  Accumulator fold(String key) {
    folded(key);
    return other();
  }

  /** The accumulator of a key held, or null. */
  Accumulator get(String key) {
    HeavyKeys.Held<Accumulator> h = keys.get(key);
    return h == null ? null : h.value();
  }

  /** Adds a row of a store's result: one key's, or (folded) the rest of its bucket's. */
  void absorb(String key, BucketStats row) {
    if (row.folded() > 0) {
      other().absorb(row);
      storedFolded += row.folded();
      return;
    }
    HeavyKeys.Held<Accumulator> h = keys.add(key, row.count());
    if (h.value() == null) {
      h.value(metric.newAccumulator());
    }
    h.value().absorb(row);
  }

  /** The accumulator of the keys folded (made when first asked for). */
  Accumulator other() {
    if (other == null) {
      other = metric.newAccumulator();
    }
    return other;
  }

  boolean anyFolded() {
    return other != null;
  }

  /** How many distinct keys were folded into {@code other} (an estimate, see above). */
  long folded() {
    return storedFolded + (foldedKeys == null ? 0 : Math.round(foldedKeys.getEstimate()));
  }

  /** The keys held, by name. */
  List<String> keys() {
    List<String> names = new ArrayList<>(keys.size());
    keys.held().forEach(h -> names.add(h.key()));
    names.sort(Comparator.naturalOrder());
    return names;
  }

  int size() {
    return keys.size();
  }

  private void evicted(HeavyKeys.Held<Accumulator> h) {
    folded(h.key());
    other().merge(h.value());
  }

  private void folded(String key) {
    if (foldedKeys == null) {
      foldedKeys = new HllSketch(LG_K);
    }
    foldedKeys.update(key);
  }

  /**
   * Several series merged (a window of seconds, a window of stored buckets, the threads of an
   * analysis): the {@code maxSeries} keys with the most events recorded over all of them keep
   * their series, the rest are folded into {@code other}.
   */
  static KeyedSeries merged(List<KeyedSeries> parts, Metric metric, int maxSeries) {
    Map<String, long[]> weights = new HashMap<>();
    for (KeyedSeries p : parts) {
      p.keys.held().forEach(h -> weights.computeIfAbsent(h.key(), k -> new long[1])[0] += h.count());
    }
    Set<String> kept = heaviest(weights, maxSeries);
    KeyedSeries out = new KeyedSeries(metric, maxSeries);
    Union union = null;
    for (KeyedSeries p : parts) {
      for (HeavyKeys.Held<Accumulator> h : p.keys.held()) {
        if (kept.contains(h.key())) {
          HeavyKeys.Held<Accumulator> mine = out.keys.add(h.key(), h.count());
          if (mine.value() == null) {
            mine.value(metric.newAccumulator());
          }
          mine.value().merge(h.value());
        } else {
          out.fold(h.key()).merge(h.value());
        }
      }
      if (p.other != null) {
        out.other().merge(p.other);
      }
      out.storedFolded = Math.max(out.storedFolded, p.storedFolded);
      if (p.foldedKeys != null) {
        union = union == null ? new Union(LG_K) : union;
        union.update(p.foldedKeys);
      }
    }
    if (union != null) {
      if (out.foldedKeys != null) {
        union.update(out.foldedKeys);
      }
      out.foldedKeys = union.getResult();
    }
    return out;
  }

  private static Set<String> heaviest(Map<String, long[]> weights, int n) {
    if (weights.size() <= n) {
      return weights.keySet();
    }
    List<Map.Entry<String, long[]>> all = new ArrayList<>(weights.entrySet());
    all.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
        ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
    Set<String> kept = new HashSet<>();
    all.subList(0, n).forEach(e -> kept.add(e.getKey()));
    return kept;
  }
}
