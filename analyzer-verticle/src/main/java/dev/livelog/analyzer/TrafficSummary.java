package dev.livelog.analyzer;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import dev.livelog.analyzer.metric.HeavyKeyCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code livelog analyze} reports about any access log: lines, failures, lines cut short
 * ({@link LogEvent#TRUNCATED}), time range, status classes, bytes, top paths and top clients. It finds those fields by their usual
 * names in any format ({@code status} or {@code http_status}, {@code path} or the path inside
 * {@code request}, ...). Mergeable, so each thread keeps its own and they are summed.
 *
 * <p>Counts, status classes, bytes and the time range are exact. Paths and clients are kept
 * in {@link HeavyKeyCounts} of a fixed capacity, so memory does not grow with the number of
 * distinct ones: the top lists are exact while the distinct values fit, else every count is a
 * lower bound at most {@link TopList#maxError()} short of the truth.
 */
public final class TrafficSummary {
  private static final String[] STATUS = {"status", "http_status"};
  private static final String[] BYTES = {"body_bytes_sent", "bytes_sent", "bytes"};
  private static final String[] PATH = {"path", "url", "uri"};
  private static final String[] REQUEST = {"request"};
  private static final String[] CLIENT = {"remote_addr", "ip", "client", "host"};

  /** Characters held per key on average at most (longer paths leave room for fewer). */
  private static final int CHARS_PER_KEY = 64;

  private long lines;
  private long parsed;
  private long truncated;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private final long[] statusClasses = new long[6];
  private long bytes;
  private final HeavyKeyCounts paths;
  private final HeavyKeyCounts clients;

  private FieldSchema schema;
  private int status;
  private int byteCount;
  private int path;
  private int request;
  private int client;
  private int cutShort;

  /**
   * A (path or client) value and how often it occurred: at least {@code count} times, at most
   * {@code count + error}.
   */
  public record Count(String value, long count, long error) {}

  /**
   * A top list: its counts, whether they are exact, and otherwise the most any count may be
   * short of the truth.
   */
  public record TopList(List<Count> counts, boolean exact, long maxError) {}

  /** @param keys paths (and clients) held at least; exact while the distinct ones fit twice that */
  public TrafficSummary(int keys) {
    this.paths = new HeavyKeyCounts(keys, CHARS_PER_KEY * 2 * keys);
    this.clients = new HeavyKeyCounts(keys, CHARS_PER_KEY * 2 * keys);
  }

  public void addEvent(LogEvent e) {
    lines++;
    parsed++;
    if (e.schema() != schema) {
      bind(e.schema());
    }
    first = Math.min(first, e.time());
    last = Math.max(last, e.time());
    if (cutShort >= 0 && e.value(cutShort) == Boolean.TRUE) {
      truncated++;
    }
    if (status >= 0 && e.value(status) != null) {
      int code = (int) FieldValues.toDouble(e.value(status));
      if (code >= 100 && code < 600) {
        statusClasses[code / 100]++;
      }
    }
    if (byteCount >= 0 && e.value(byteCount) instanceof Number n) {
      bytes += n.longValue();
    }
    String p = pathOf(e);
    if (p != null) {
      paths.add(p, 1);
    }
    if (client >= 0 && e.value(client) != null) {
      clients.add(FieldValues.toText(e.value(client)), 1);
    }
  }

  public void addFailure() {
    lines++;
  }

  private String pathOf(LogEvent e) {
    if (path >= 0 && e.value(path) instanceof String p) {
      return p;
    }
    if (request >= 0 && e.value(request) instanceof String r) {
      int sp = r.indexOf(' ');
      if (sp < 0) {
        return null;
      }
      int end = r.indexOf(' ', sp + 1);
      String target = end < 0 ? r.substring(sp + 1) : r.substring(sp + 1, end);
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }
    return null;
  }

  private void bind(FieldSchema s) {
    schema = s;
    status = indexOf(s, STATUS);
    byteCount = indexOf(s, BYTES);
    path = indexOf(s, PATH);
    request = indexOf(s, REQUEST);
    client = indexOf(s, CLIENT);
    cutShort = s.indexOf(LogEvent.TRUNCATED);
  }

  private static int indexOf(FieldSchema s, String[] names) {
    for (String n : names) {
      int i = s.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  public void merge(TrafficSummary o) {
    lines += o.lines;
    parsed += o.parsed;
    truncated += o.truncated;
    first = Math.min(first, o.first);
    last = Math.max(last, o.last);
    for (int i = 0; i < statusClasses.length; i++) {
      statusClasses[i] += o.statusClasses[i];
    }
    bytes += o.bytes;
    paths.merge(o.paths);
    clients.merge(o.clients);
  }

  public long lines() {
    return lines;
  }

  public long parsed() {
    return parsed;
  }

  public long failed() {
    return lines - parsed;
  }

  /** Lines parsed although cut short in their last quoted value (among the parsed). */
  public long truncated() {
    return truncated;
  }

  /** Earliest event time, or -1 when nothing parsed. */
  public long first() {
    return parsed == 0 ? -1 : first;
  }

  /** Latest event time, or -1 when nothing parsed. */
  public long last() {
    return parsed == 0 ? -1 : last;
  }

  /** Requests with a status of class {@code n}xx (1 to 5). */
  public long statusClass(int n) {
    return statusClasses[n];
  }

  public long bytes() {
    return bytes;
  }

  public TopList topPaths(int n) {
    return top(paths, n);
  }

  public TopList topClients(int n) {
    return top(clients, n);
  }

  private static TopList top(HeavyKeyCounts keys, int n) {
    List<Count> counts = new ArrayList<>(n);
    keys.top(n).forEach(h -> counts.add(new Count(h.key(), h.count(), h.error())));
    return new TopList(counts, keys.exact(), keys.maxError());
  }
}
