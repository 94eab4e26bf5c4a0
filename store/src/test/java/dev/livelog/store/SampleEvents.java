package dev.livelog.store;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Access-log-like events with every field type a parser produces. */
public final class SampleEvents {
  /** 2024-05-01T10:00:00Z */
  public static final long T0 = 1_714_557_600_000L;
  public static final FieldSchema ACCESS = FieldSchema.of("remote_addr", "time_local", "method",
      "path", "status", "body_bytes", "request_time", "cached", "upstreams", "referer");
  private static final String[] PATHS = {"/", "/api/orders", "/static/app.js", "/login"};

  private SampleEvents() {}

  public static SourceOrigin origin(String source, String fileId) {
    return new SourceOrigin(source, "web1", "/var/log/nginx/access.log", fileId);
  }

  /** One event per 100 bytes of file, starting at {@code firstOffset}, one per second of time. */
  public static EventBatch batch(String source, String fileId, long firstOffset, int count,
      long firstTime) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long offset = firstOffset + 100L * i;
      events.add(access(source, offset, firstTime + 1000L * (offset / 100)));
    }
    return batch(origin(source, fileId), events);
  }

  public static EventBatch batch(SourceOrigin origin, List<LogEvent> events) {
    long start = events.isEmpty() ? 0 : events.get(0).offset();
    long end = events.isEmpty() ? 0 : events.get(events.size() - 1).offset() + 100;
    return new EventBatch(origin, start, end, events.size(), events);
  }

  public static LogEvent access(String source, long offset, long time) {
    int n = (int) (offset / 100);
    Object[] values = {
      "10.0.0." + (n % 250),
      Instant.ofEpochMilli(time),
      n % 5 == 0 ? "POST" : "GET",
      PATHS[n % PATHS.length] + "?q=\"quoted\"\tand\\slash é ✓",
      200L + (n % 3) * 100,
      n % 7 == 0 ? null : 512L * n,
      0.001 * (n + 1),
      n % 2 == 0,
      List.of("10.1.0.1:8080", 0.25, 3L),
      null,
    };
    return new LogEvent(source, offset, time, ACCESS, values, line(source, offset, values));
  }

  /** The line an event says it was parsed from: its fields, with quotes, a tab and non-ASCII. */
  public static String line(String source, long offset, Object[] values) {
    return source + "@" + offset + " " + values[0] + " \"" + values[2] + " " + values[3] + "\" "
        + values[4] + " \u00e9\u2713";
  }
}
