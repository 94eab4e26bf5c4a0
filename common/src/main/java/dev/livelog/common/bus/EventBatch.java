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

  public int failed() {
    return lines - events.size();
  }
}
