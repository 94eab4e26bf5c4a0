package dev.livelog.analyzer;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.event.OffsetRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the analyzer from counting an event twice when a source sends a byte range again
 * (after a reconnect, a timeout or a restart of the source): it remembers, per source and
 * file, which byte ranges were counted. Batches may arrive out of order.
 */
public final class ReplayFilter {
  private static final int MAX_FILES = 10_000;

  private final Map<String, OffsetRanges> counted =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OffsetRanges> eldest) {
          return size() > MAX_FILES;
        }
      };

  /**
   * The batch's events not counted before, judged event by event: for events read back from
   * the store, whose batch does not cover a contiguous byte range. Records each as counted.
   */
  public List<LogEvent> freshEach(EventBatch batch) {
    OffsetRanges ranges = counted.computeIfAbsent(key(batch), k -> new OffsetRanges());
    List<LogEvent> fresh = new ArrayList<>();
    for (LogEvent e : batch.events()) {
      if (!ranges.contains(e.offset())) {
        fresh.add(e);
        ranges.add(e.offset(), e.offset() + 1);
      }
    }
    return fresh;
  }

  private static String key(EventBatch batch) {
    return batch.origin().sourceId() + '\u0000' + batch.origin().fileId();
  }

  /** The batch's events not counted before; records the batch's range as counted. */
  public List<LogEvent> fresh(EventBatch batch) {
    return counted.computeIfAbsent(key(batch), k -> new OffsetRanges())
        .takeNew(batch.events(), batch.startOffset(), batch.endOffset());
  }
}
