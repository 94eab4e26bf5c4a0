package dev.livelog.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values of a field, in bounded memory: a space-saving sketch with batched
 * evictions. While fewer than {@code 2 * capacity} distinct values were seen, counts are
 * exact; past that the least frequent half is evicted at once, and a value seen later starts
 * at the largest evicted count, remembered as its possible error, so a frequent value can
 * never be pushed out by a flood of rare ones. Counts reported are guaranteed ones (count minus
 * possible error): exact for values that were never evicted. Mergeable: a window is the merge
 * of its seconds' sketches.
 */
final class TopValues {
  private static final int COUNT = 0;
  private static final int ERROR = 1;

  private final int capacity;
  private final Map<String, long[]> entries = new HashMap<>();
  private long floor;

  TopValues(int capacity) {
    this.capacity = Math.max(16, capacity);
  }

  void add(String value, long n) {
    long[] e = entries.get(value);
    if (e == null) {
      makeRoom();
      entries.put(value, new long[] {floor + n, floor});
    } else {
      e[COUNT] += n;
    }
  }

  /** How many values it keeps exact counts for (it holds up to twice as many). */
  int capacity() {
    return capacity;
  }

  void merge(TopValues other) {
    other.entries.forEach((value, o) -> {
      long[] e = entries.get(value);
      if (e == null) {
        makeRoom();
        entries.put(value, o.clone());
      } else {
        e[COUNT] += o[COUNT];
        e[ERROR] += o[ERROR];
      }
    });
    floor = Math.max(floor, other.floor);
  }

  /** The {@code n} most frequent values, most frequent first, with their guaranteed counts. */
  List<Map.Entry<String, Long>> top(int n) {
    List<Map.Entry<String, Long>> all = new ArrayList<>(entries.size());
    entries.forEach((k, e) -> all.add(Map.entry(k, e[COUNT] - e[ERROR])));
    all.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return all.subList(0, Math.min(n, all.size()));
  }

  private void makeRoom() {
    if (entries.size() < 2 * capacity) {
      return;
    }
    List<Map.Entry<String, long[]>> byCount = new ArrayList<>(entries.entrySet());
    byCount.sort((a, b) -> Long.compare(b.getValue()[COUNT], a.getValue()[COUNT]));
    for (Map.Entry<String, long[]> e : byCount.subList(capacity, byCount.size())) {
      floor = Math.max(floor, e.getValue()[COUNT]);
    }
    byCount.subList(capacity, byCount.size()).forEach(e -> entries.remove(e.getKey()));
  }
}
