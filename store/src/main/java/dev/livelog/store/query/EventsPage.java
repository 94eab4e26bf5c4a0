package dev.livelog.store.query;

import dev.livelog.common.event.LogEvent;
import java.util.List;

/**
 * A page of {@link EventsQuery}: the events (each with its line, when it was kept), how many
 * match in all, and the cursor of the next page (null on the last).
 */
public record EventsPage(List<Stored> events, long total, EventCursor next) {

  public EventsPage {
    events = List.copyOf(events);
  }

  /** A stored event and the file it was read from (its identity is source, file, offset). */
  public record Stored(LogEvent event, String fileId, String host, String path) {
    public EventCursor cursor() {
      return new EventCursor(event.time(), event.source(), fileId, event.offset());
    }
  }

  /**
   * A page of the first {@code limit} of {@code rows} (a store reads one more than a page, to
   * know whether another follows).
   */
  public static EventsPage of(List<Stored> rows, int limit, long total) {
    if (rows.size() <= limit) {
      return new EventsPage(rows, total, null);
    }
    List<Stored> page = rows.subList(0, limit);
    return new EventsPage(page, total, page.get(limit - 1).cursor());
  }
}
