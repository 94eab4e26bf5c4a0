package dev.livelog.analyzer.metric;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.BucketStats;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values of a field, in bounded memory ({@link HeavyKeys}: exact while
 * fewer than {@code 2 * capacity} distinct values were seen, and a frequent value can never be
 * pushed out by a flood of rare ones). Counts reported are guaranteed ones: exact for values
 * that were never evicted. Mergeable: a window is the merge of its seconds' sketches. The
 * accumulator of {@link Top}: events without the field are left out.
 */
public final class TopValues implements Accumulator {
  private final HeavyKeys<Void> values;

  public TopValues(int capacity) {
    this.values = HeavyKeys.counting(Math.max(16, capacity));
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
    values.add(value, n);
  }

  /** An empty sketch of the same capacity (a window keeps its seconds' exact counts). */
  @Override
  public Accumulator empty() {
    return new TopValues(values.capacity());
  }

  @Override
  public void merge(Accumulator accumulator) {
    values.merge(((TopValues) accumulator).values, (mine, theirs) -> null);
  }

  /** The {@code n} most frequent values, most frequent first, with their guaranteed counts. */
  public List<Map.Entry<String, Long>> top(int n) {
    return values.top(n).stream().map(h -> Map.entry(h.key(), h.count())).toList();
  }
}
