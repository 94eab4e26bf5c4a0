package dev.livelog.common.bus;

/** Event-bus addresses: every arrow of the data flow is one of these. */
public final class Addresses {
  private Addresses() {}

  /** Source to parser: {@code LineBatch}, request-reply (the reply says the parser took it). */
  public static final String LINES = "livelog.lines";
  /** Parser to store and analyzer: {@code EventBatch}, published. */
  public static final String EVENTS = "livelog.events";
  /** Store to sources: a batch is durably stored ({@link StoredAck}), published. */
  public static final String STORED = "livelog.stored";
  /** Lines that failed to parse, with the reason ({@link DeadLetter}), published. */
  public static final String DEAD_LETTERS = "livelog.deadletters";
  /** Prefix of the per-period datapoint addresses, e.g. {@code livelog.analytics.5s}. */
  public static final String ANALYTICS_PREFIX = "livelog.analytics.";
  /** Checkpoint load and save, request-reply, answered by the store. */
  public static final String CHECKPOINTS = "livelog.checkpoints";
  /** History of a period's datapoints, request-reply, answered by the analyzer. */
  public static final String HISTORY = "livelog.history";
  /**
   * Ad-hoc series from stored events, request-reply, answered by the analyzer:
   * {@code {group, from, to, step}} (epoch ms) to {@code {group, from, to, step, datapoints}}.
   */
  public static final String QUERY = "livelog.query";
  /**
   * The stored events behind a series of a group (the drill-down), request-reply, answered by
   * the analyzer: {@code {group, series, from, to, where, limit, after}} to
   * {@code {group, series, from, to, total, next, events}}, newest first.
   */
  public static final String EVENTS_QUERY = "livelog.query.events";
  /**
   * {@code {group, offset, from, to[, step]}} (epoch ms) to the group's stored datapoints
   * {@code offset} earlier, moved forward by it (a chart's baseline), answered by the analyzer.
   */
  public static final String BASELINE = "livelog.baseline";
  /**
   * Dead letters so far, request-reply, answered by the store: {@code {limit}} to
   * {@code {count, bySource: {id: n}, samples: [DeadLetter...]}} (newest first).
   */
  public static final String DEAD_LETTERS_RECENT = "livelog.deadletters.recent";
  /**
   * Alerts as the node that holds their rule sees them, published: each change of state, and
   * every pending or firing alert again every 2 s (the dashboard's list and banner).
   */
  public static final String ALERTS = "livelog.alerts";
  /** A source's state changes (connecting, streaming, ...), published. */
  public static final String SOURCE_STATUS = "livelog.status.sources";

  /**
   * Live tails, published by web nodes: {@code TailSubscription} JSON, a page's tail opened
   * or renewed ({@code expires_ms} from now), or {@code {id, cancel: true}}. Parsing nodes
   * hold the subscriptions and tap their events only while one is open.
   */
  public static final String TAIL_SUBSCRIPTIONS = "livelog.tail.subscriptions";
  /** Prefix of a tail's sampled lines from the parsing nodes to the web node that opened it. */
  public static final String TAIL_LINES_PREFIX = "livelog.tail.lines.";
  /** Prefix of a tail's lines as its page gets them over the bridge (outbound only). */
  public static final String TAIL_PAGE_PREFIX = "livelog.tail.page.";

  public static String tailLines(String id) {
    return TAIL_LINES_PREFIX + id;
  }

  public static String tailPage(String id) {
    return TAIL_PAGE_PREFIX + id;
  }

  public static String analytics(String period) {
    return ANALYTICS_PREFIX + period;
  }
}
