package dev.livelog.store.query;

import dev.livelog.common.where.Filter;
import java.util.List;

/**
 * A page of stored events for the drill-down ({@code GET /api/events}): events with time in
 * {@code [from, to)} passing every filter, newest first (ties by source, file and offset,
 * descending: a total order, so pages neither skip nor repeat an event), at most {@code limit},
 * after {@code after} (null: from the newest). With their lines, and the total that match.
 */
public record EventsQuery(long from, long to, List<Filter> filters, int limit, EventCursor after) {
  /** The most events one page holds: a line is at most the source's max_line_length. */
  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 50;

  public EventsQuery {
    filters = List.copyOf(filters);
    if (to <= from || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("need from < to and a limit from 1 to " + MAX_LIMIT);
    }
  }
}
