package dev.livelog.app.analyze;

import dev.livelog.analyzer.GroupPlan;
import dev.livelog.analyzer.TrafficSummary;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result of an analysis, as text for people or one JSON object for scripts. */
final class AnalysisReport {
  private final ChunkAnalysis result;
  private final TrafficSummary s;
  private final String format;
  private final LivelogConfig config;
  private final int top;

  AnalysisReport(ChunkAnalysis result, String format, LivelogConfig config, int top) {
    this.result = result;
    this.s = result.summary;
    this.format = format;
    this.config = config;
    this.top = top;
  }

  private double spanSeconds() {
    return s.parsed() == 0 ? 0 : Math.max(1.0, (s.last() - s.first()) / 1000.0);
  }

  private double requestsPerSecond() {
    return s.parsed() == 0 ? 0 : s.parsed() / spanSeconds();
  }

  JsonObject toJson() {
    JsonObject status = new JsonObject();
    for (int c = 1; c <= 5; c++) {
      status.put(c + "xx", s.statusClass(c));
    }
    TrafficSummary.TopList paths = s.topPaths(top);
    TrafficSummary.TopList clients = s.topClients(top);
    JsonObject groups = new JsonObject();
    groupValues().forEach((name, values) -> {
      JsonObject g = new JsonObject();
      values.forEach(g::put);
      groups.put(name, g);
    });
    JsonArray failures = new JsonArray();
    result.failures.forEach(f -> failures.add(new JsonObject().put("input", f.input())
        .put("offset", f.offset()).put("reason", f.reason()).put("line", f.line())));
    return new JsonObject()
        .put("format", format)
        .put("lines", s.lines())
        .put("parsed", s.parsed())
        .put("failed", s.failed())
        .put("truncated", s.truncated())
        .put("first", iso(s.first()))
        .put("last", iso(s.last()))
        .put("requests_per_second", significant(requestsPerSecond()))
        .put("status", status)
        .put("bytes", s.bytes())
        .put("top_paths", topJson(paths, "path"))
        .put("top_clients", topJson(clients, "client"))
        .put("top_accuracy", new JsonObject().put("paths", accuracy(paths))
            .put("clients", accuracy(clients)))
        .put("groups", groups)
        .put("first_failures", failures);
  }

  /** Each entry's count is a lower bound; {@code error} says by how much it may be short. */
  private static JsonArray topJson(TrafficSummary.TopList list, String name) {
    JsonArray out = new JsonArray();
    list.counts().forEach(c -> {
      JsonObject entry = new JsonObject().put(name, c.value()).put("count", c.count());
      if (!list.exact()) {
        entry.put("error", c.error());
      }
      out.add(entry);
    });
    return out;
  }

  private static JsonObject accuracy(TrafficSummary.TopList list) {
    return new JsonObject().put("exact", list.exact()).put("max_error", list.maxError())
        .put("capacity", ParallelAnalysis.TOP_KEYS);
  }

  private Map<String, Map<String, Double>> groupValues() {
    Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
    List<GroupPlan> plans = result.plans();
    double span = Math.max(spanSeconds(), 1.0);
    for (int g = 0; g < plans.size(); g++) {
      out.put(plans.get(g).name(), plans.get(g).values(result.groups()[g], span));
    }
    return out;
  }

  void printText(PrintWriter out, List<String> inputs) {
    out.printf("%s (format %s)%n", String.join(", ", inputs), format);
    out.printf("  lines     %,d   parsed %,d%s   failed %,d%n", s.lines(), s.parsed(),
        s.truncated() == 0 ? "" : String.format(" (%,d truncated)", s.truncated()), s.failed());
    if (s.parsed() > 0) {
      out.printf("  time      %s .. %s (%s), %s%n", iso(s.first()), iso(s.last()),
          human(Duration.ofMillis(s.last() - s.first())), rate(requestsPerSecond()));
    }
    long withStatus = 0;
    for (int c = 1; c <= 5; c++) {
      withStatus += s.statusClass(c);
    }
    if (withStatus > 0) {
      StringBuilder line = new StringBuilder("  status   ");
      for (int c = 1; c <= 5; c++) {
        line.append(String.format(Locale.ROOT, " %dxx %,d (%.1f%%)", c, s.statusClass(c),
            100.0 * s.statusClass(c) / withStatus));
      }
      out.println(line);
    }
    if (s.bytes() > 0) {
      out.printf("  bytes     %,d (%s)%n", s.bytes(), humanBytes(s.bytes()));
    }
    printTop(out, "top paths", s.topPaths(top));
    printTop(out, "top clients", s.topClients(top));
    Map<String, Map<String, Double>> groups = groupValues();
    if (!groups.isEmpty()) {
      out.println("  plot groups over the whole input");
      groups.forEach((name, values) -> {
        var g = config.groups().get(name);
        StringBuilder line = new StringBuilder("    " + name + " (" + g.label() + "):");
        values.forEach((series, v) -> line.append(' ').append(series).append(' ')
            .append(v == null ? "-" : String.format(Locale.ROOT, g.format(), v)));
        out.println(line);
      });
    }
    if (!result.failures.isEmpty()) {
      out.println("  first failures");
      result.failures.forEach(f -> out.printf("    %s offset %d: %s%n      %s%n", f.input(),
          f.offset(), f.reason(), f.line().length() > 160 ? f.line().substring(0, 160) + "..." : f.line()));
    }
  }

  private static void printTop(PrintWriter out, String title, TrafficSummary.TopList list) {
    if (list.counts().isEmpty()) {
      return;
    }
    out.println("  " + title + (list.exact() ? "" : String.format(Locale.ROOT,
        " (more distinct than the %,d held: each count may be up to %,d short)",
        ParallelAnalysis.TOP_KEYS, list.maxError())));
    list.counts().forEach(c -> out.printf("    %,12d  %s%n", c.count(), c.value()));
  }

  private static String iso(long millis) {
    return millis < 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  /** Two significant digits below 10 (0.033, not 0.0), one decimal above. */
  static double significant(double v) {
    if (v == 0 || v >= 10 || !Double.isFinite(v)) {
      return Math.round(v * 10) / 10.0;
    }
    return new BigDecimal(v).round(new MathContext(2)).doubleValue();
  }

  /**
   * A request rate people can read at any density: per second, and below one a second also
   * per minute, hour or day ({@code 0.033 requests/s (2.0/min)}), never {@code 0.0} for a log
   * that has requests.
   */
  static String rate(double perSecond) {
    if (perSecond == 0 || perSecond >= 1) {
      return String.format(Locale.ROOT, "%,.1f requests/s", perSecond);
    }
    String[] units = {"min", "h", "day"};
    double[] seconds = {60, 3_600, 86_400};
    int u = 0;
    while (u < units.length - 1 && perSecond * seconds[u] < 1) {
      u++;
    }
    return String.format(Locale.ROOT, "%s requests/s (%.1f/%s)",
        BigDecimal.valueOf(significant(perSecond)).toPlainString(), perSecond * seconds[u], units[u]);
  }

  private static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 86400 ? String.format("%dd %dh", s / 86400, s % 86400 / 3600)
        : s >= 3600 ? String.format("%dh %dm %ds", s / 3600, s % 3600 / 60, s % 60)
        : s >= 60 ? String.format("%dm %ds", s / 60, s % 60) : s + "s";
  }

  private static String humanBytes(long b) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
