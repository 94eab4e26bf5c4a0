package dev.livelog.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic sample lines for benchmarks, one request each, written in every format the
 * benchmarks parse from the same invented traffic: the formats differ, the requests do not.
 */
public final class SampleLines {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CACHE = LOCAL.withZone(ZoneOffset.ofHours(-8));
  private static final String[] PATHS = {"/", "/index.html", "/blog/post-1/", "/api/v1/items/42?x=1",
      "/static/app.js", "/img/logo.png", "/search?q=nginx+cache"};
  private static final String[] AGENTS = {
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
      "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"};
  private static final String[] CACHE_STATUS = {"HIT", "HIT", "HIT", "MISS", "EXPIRED"};

  private SampleLines() {}

  /** One invented request. */
  private record Request(String addr, Instant time, String path, int status, int bytes,
      String agent, double upstreamTime, String cache) {}

  /**
   * {@code n} lines of a format: combined, main, common, json or seed_cache; json_nested is JSON
   * as Caddy logs it (nested objects, header arrays, escapes).
   */
  public static List<String> of(String format, int n) {
    Random r = new Random(42);
    Instant start = Instant.parse("2025-11-25T10:00:00Z");
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Request q = new Request("10." + r.nextInt(4) + "." + r.nextInt(256) + "." + r.nextInt(256),
          start.plusSeconds(i / 20), PATHS[r.nextInt(PATHS.length)], r.nextDouble() < 0.9 ? 200 : 404,
          r.nextInt(50_000), AGENTS[r.nextInt(AGENTS.length)], 0.005 + r.nextDouble() / 4,
          CACHE_STATUS[r.nextInt(CACHE_STATUS.length)]);
      lines.add(line(format, q));
    }
    return lines;
  }

  /** nginx combined lines, as {@code bench/gen-combined.awk} writes them. */
  public static List<String> combined(int n) {
    return of("combined", n);
  }

  private static String line(String format, Request q) {
    String common = q.addr + " - - [" + LOCAL.format(q.time) + "] \"GET " + q.path + " HTTP/1.1\" "
        + q.status + " " + q.bytes;
    return switch (format) {
      case "common" -> common;
      case "combined", "combined_regex" ->
          common + " \"-\" \"" + q.agent + "\"";
      case "main" -> common + " \"-\" \"" + q.agent + "\" \"-\"";
      case "json" -> "{\"time_iso8601\":\"" + q.time + "\",\"remote_addr\":\"" + q.addr
          + "\",\"request\":\"GET " + q.path + " HTTP/1.1\",\"status\":" + q.status
          + ",\"body_bytes_sent\":" + q.bytes + ",\"request_time\":"
          + String.format(Locale.ROOT, "%.3f", q.upstreamTime)
          + ",\"http_referer\":\"\",\"http_user_agent\":\"" + q.agent + "\"}";
      case "json_nested" -> "{\"level\":\"info\",\"ts\":" + q.time.getEpochSecond() + ".123,"
          + "\"logger\":\"http.log.access\",\"msg\":\"handled request\",\"request\":{\"remote_ip\":\""
          + q.addr + "\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"www.example.com\","
          + "\"uri\":\"" + q.path + "\",\"headers\":{\"User-Agent\":[\"" + q.agent + "\"],"
          + "\"Referer\":[\"https://www.example.com/search?q=\\\"nginx cache\\\"&lang=fran\\u00e7ais\"]}},"
          + "\"duration\":" + String.format(Locale.ROOT, "%.6f", q.upstreamTime) + ",\"size\":" + q.bytes
          + ",\"status\":" + q.status + ",\"resp_headers\":{\"Content-Type\":[\"text/html;"
          + " charset=utf-8\"],\"Cache-Status\":[\"" + q.cache + "\"]}}";
      case "seed_cache" -> "***" + CACHE.format(q.time)
          + " ups_ad: " + (q.cache.equals("HIT") ? "-" : "10.0.0.12:8080")
          + " ups_rt: " + (q.cache.equals("HIT") ? "-" : String.format(Locale.ROOT, "%.3f", q.upstreamTime))
          + " cache: " + q.cache + " www.example.com \"GET " + q.path + " HTTP/1.1\" (" + q.status + ")"
          + " media: " + (q.path.endsWith(".png") || q.path.endsWith(".js") ? "1" : "0")
          + " wp_login: ";
      default -> throw new IllegalArgumentException("no sample lines for format " + format);
    };
  }
}
