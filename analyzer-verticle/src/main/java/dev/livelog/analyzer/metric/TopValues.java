package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;
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
 * of its seconds' sketches. The accumulator of {@link Top}: events without the field are left
 * out.
 */
public final class TopValues implements Accumulator {
  private static final int COUNT = 0;
  private static final int ERROR = 1;

  private final int capacity;
  private final Map<String, long[]> entries = new HashMap<>();
  private long floor;

  public TopValues(int capacity) {
    this.capacity = Math.max(16, capacity);
  }

  @Override
  public void add(LogEvent event, FieldRef field) {
    Object value = field.get(event);
    if (value != null) {
      add(FieldValues.toText(value), 1);
    }
  }

  /** Adds a row of a store's most frequent keys: the field's value and its count. */
  @Override
  public void absorb(BucketStats row) {
    if (!row.key().isEmpty()) {
      add(row.key(), row.count());
    }
  }

  public void add(String value, long n) {
    long[] e = entries.get(value);
    if (e == null) {
      makeRoom();
      entries.put(value, new long[] {floor + n, floor});
    } else {
      e[COUNT] += n;
    }
  }

  /** An empty sketch of the same capacity (a window keeps its seconds' exact counts). */
  @Override
  public Accumulator empty() {
    return new TopValues(capacity);
  }

  @Override
  public void merge(Accumulator accumulator) {
    TopValues other = (TopValues) accumulator;
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
  public List<Map.Entry<String, Long>> top(int n) {
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
