package dev.livelog.common.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Byte ranges of one file that have been handled (stored, or counted), merged into as few
 * disjoint intervals as possible. Batches of one file may arrive out of order or twice; this
 * tells which of their offsets are new. Written as {@code start-end,start-end} for storage.
 */
public final class OffsetRanges {
  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  /** Whether any offset of {@code [start, end)} is already covered. */
  public boolean overlaps(long start, long end) {
    Map.Entry<Long, Long> before = ranges.lowerEntry(end);
    return before != null && before.getValue() > start;
  }

  /** Whether every offset of {@code [start, end)} is already covered. */
  public boolean covers(long start, long end) {
    Map.Entry<Long, Long> r = ranges.floorEntry(start);
    return r != null && r.getValue() >= end;
  }

  /**
   * Of the events read from {@code [start, end)}, those at offsets not covered yet (the list
   * itself when none is); then covers that range.
   */
  public List<LogEvent> takeNew(List<LogEvent> events, long start, long end) {
    List<LogEvent> fresh = events;
    if (overlaps(start, end)) {
      fresh = new ArrayList<>();
      for (LogEvent e : events) {
        if (!contains(e.offset())) {
          fresh.add(e);
        }
      }
    }
    add(start, end);
    return fresh;
  }

  public boolean contains(long offset) {
    Map.Entry<Long, Long> r = ranges.floorEntry(offset);
    return r != null && r.getValue() > offset;
  }

  /** Marks {@code [start, end)} as handled, merging it with touching intervals. */
  public void add(long start, long end) {
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

  /** Number of disjoint intervals. */
  public int intervals() {
    return ranges.size();
  }

  public OffsetRanges copy() {
    OffsetRanges c = new OffsetRanges();
    c.ranges.putAll(ranges);
    return c;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    ranges.forEach((s, e) -> out.append(out.length() == 0 ? "" : ",").append(s).append('-').append(e));
    return out.toString();
  }

  /** Reads what {@link #toString()} wrote. */
  public static OffsetRanges parse(String text) {
    OffsetRanges r = new OffsetRanges();
    if (text == null || text.isBlank()) {
      return r;
    }
    for (String part : text.split(",")) {
      int dash = part.indexOf('-');
      r.add(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
    }
    return r;
  }
}
