package dev.livelog.common.bus;

import dev.livelog.common.event.LogEvent;
import java.util.List;

/**
 * The parsed result of one {@link LineBatch}: its events, and how many lines it had, so that
 * the store can acknowledge the whole byte range even when some lines were dead letters.
 */
public record EventBatch(SourceOrigin origin, long startOffset, long endOffset, int lines,
    List<LogEvent> events) {

  public EventBatch {
    events = List.copyOf(events);
  }

  /**
   * Events read back from a store, all of one source file: the batch spans their offsets (the
   * lines between them are not known, so it claims no more).
   */
  public static EventBatch ofStored(SourceOrigin origin, List<LogEvent> events) {
    long start = events.stream().mapToLong(LogEvent::offset).min().orElse(0);
    long end = events.stream().mapToLong(LogEvent::offset).max().orElse(-1) + 1;
    return new EventBatch(origin, start, end, events.size(), events);
  }

  /** Characters of the events' lines (those without one count 0). */
  public long lineChars() {
    long chars = 0;
    for (LogEvent event : events) {
      String line = event.line();
      chars += line == null ? 0 : line.length();
    }
    return chars;
  }

  public int failed() {
    return lines - events.size();
  }
}
