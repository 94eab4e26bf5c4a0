package dev.livelog.analyzer;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the analyzer from counting an event twice when a source sends a byte range again
 * (after a reconnect, a timeout or a restart of the source). It remembers, per source and
 * file, which byte ranges were counted, merged into as few intervals as possible; batches may
 * arrive out of order.
 */
public final class ReplayFilter {
  private static final int MAX_FILES = 10_000;

  private final Map<String, TreeMap<Long, Long>> counted =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TreeMap<Long, Long>> eldest) {
          return size() > MAX_FILES;
        }
      };

  /** The batch's events not counted before; records the batch's range as counted. */
  public List<LogEvent> fresh(EventBatch batch) {
    String key = batch.origin().sourceId() + '\u0000' + batch.origin().fileId();
    TreeMap<Long, Long> ranges = counted.computeIfAbsent(key, k -> new TreeMap<>());
    long start = batch.startOffset();
    long end = batch.endOffset();
    List<LogEvent> events = batch.events();
    if (!overlaps(ranges, start, end)) {
      add(ranges, start, end);
      return events;
    }
    List<LogEvent> fresh = new ArrayList<>();
    for (LogEvent e : events) {
      if (!covered(ranges, e.offset())) {
        fresh.add(e);
      }
    }
    add(ranges, start, end);
    return fresh;
  }

  private static boolean overlaps(TreeMap<Long, Long> ranges, long start, long end) {
    Map.Entry<Long, Long> before = ranges.lowerEntry(end);
    return before != null && before.getValue() > start;
  }

  private static boolean covered(TreeMap<Long, Long> ranges, long offset) {
    Map.Entry<Long, Long> r = ranges.floorEntry(offset);
    return r != null && r.getValue() > offset;
  }

  private static void add(TreeMap<Long, Long> ranges, long start, long end) {
    if (end <= start) {
      return;
    }
    long s = start;
    long e = end;
    Map.Entry<Long, Long> before = ranges.floorEntry(s);
    if (before != null && before.getValue() >= s) {
      s = before.getKey();
      e = Math.max(e, before.getValue());
    }
    Map.Entry<Long, Long> next = ranges.ceilingEntry(s);
    while (next != null && next.getKey() <= e) {
      e = Math.max(e, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(s);
    }
    ranges.put(s, e);
  }
}
