package dev.livelog.parser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lines parsed and failed per source, for status and metrics. */
public final class ParseCounters {
  private final Map<String, LongAdder> lines = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

  public void add(String source, int lineCount, int failedCount) {
    lines.computeIfAbsent(source, s -> new LongAdder()).add(lineCount);
    failed.computeIfAbsent(source, s -> new LongAdder()).add(failedCount);
  }

  public long lines(String source) {
    LongAdder a = lines.get(source);
    return a == null ? 0 : a.sum();
  }

  public long failed(String source) {
    LongAdder a = failed.get(source);
    return a == null ? 0 : a.sum();
  }
}
