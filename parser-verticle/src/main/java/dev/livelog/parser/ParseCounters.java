package dev.livelog.parser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lines parsed, failed and cut short per source, for status and metrics. */
public final class ParseCounters {
  private final Map<String, LongAdder> lines = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> truncated = new ConcurrentHashMap<>();

  private volatile java.util.function.Consumer<String> newSource = s -> { };

  /** Hears each source the first time it is counted (e.g. to register its metrics). */
  public void onNewSource(java.util.function.Consumer<String> listener) {
    newSource = listener;
  }

  /** Counts a batch's lines, those that failed, and those parsed although cut short. */
  public void add(String source, int lineCount, int failedCount, int truncatedCount) {
    LongAdder counted = lines.get(source);
    if (counted == null) {
      LongAdder fresh = new LongAdder();
      counted = lines.putIfAbsent(source, fresh);
      if (counted == null) {
        counted = fresh;
        newSource.accept(source); // outside the map's own locking: the listener may read it
      }
    }
    counted.add(lineCount);
    failed.computeIfAbsent(source, s -> new LongAdder()).add(failedCount);
    truncated.computeIfAbsent(source, s -> new LongAdder()).add(truncatedCount);
  }

  public long lines(String source) {
    LongAdder a = lines.get(source);
    return a == null ? 0 : a.sum();
  }

  public long failed(String source) {
    LongAdder a = failed.get(source);
    return a == null ? 0 : a.sum();
  }

  /** Lines that parsed although cut short: counted among the parsed ones. */
  public long truncated(String source) {
    LongAdder a = truncated.get(source);
    return a == null ? 0 : a.sum();
  }
}
