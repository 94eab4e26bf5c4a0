package dev.livelog.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random but valid lines of each built-in format, written by {@link LogLineWriter}. */
public final class SampleLogLines {
  private static final String[] AGENTS = {"curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64) \"quoted\"",
      "", "caf\u00e9 \\ back", "emoji \uD83D\uDE00", "tab\tand\u0001ctl"};
  private static final String[] PATHS = {"/", "/a?b=c&d=e", "/caf\u00e9/\u00fcber", "/x%20y", "/a\"b"};
  private static final String JSON_FORMAT = "log_format j escape=json '{\"time_local\":\"$time_local\","
      + "\"remote_addr\":\"$remote_addr\",\"request\":\"$request\",\"status\":$status,"
      + "\"body_bytes_sent\":$body_bytes_sent,\"http_user_agent\":\"$http_user_agent\"}';";

  private SampleLogLines() {}

  /** {@code n} lines of a built-in format. */
  public static List<String> of(String format, int n, Random r) {
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(line(format, r));
    }
    return lines;
  }

  public static String line(String format, Random r) {
    if (format.equals("seed_cache")) {
      return seedLine(r);
    }
    Map<String, String> v = new HashMap<>();
    v.put("remote_addr", r.nextBoolean() ? "10.0." + r.nextInt(256) + "." + r.nextInt(256) : "2001:db8::" + r.nextInt(99));
    v.put("remote_user", r.nextInt(4) == 0 ? "bob" : "-");
    v.put("ident", r.nextInt(4) == 0 ? "ident" + r.nextInt(9) : "-");
    v.put("time_local", String.format("%02d/Nov/2026:%02d:%02d:%02d %s", 1 + r.nextInt(28), r.nextInt(24),
        r.nextInt(60), r.nextInt(60), r.nextBoolean() ? "+0000" : "-0800"));
    v.put("request", r.nextInt(20) == 0 ? "-" : "GET " + PATHS[r.nextInt(PATHS.length)] + " HTTP/1.1");
    v.put("status", String.valueOf(List.of(200, 301, 404, 502).get(r.nextInt(4))));
    v.put("body_bytes_sent", String.valueOf(r.nextInt(100_000)));
    v.put("http_referer", r.nextBoolean() ? "-" : "https://example.com/?q=" + r.nextInt(9));
    v.put("http_user_agent", AGENTS[r.nextInt(AGENTS.length)]);
    v.put("http_x_forwarded_for", r.nextBoolean() ? "-" : "203.0.113.7, 10.0.0.1");
    upstreamTries(v, r);
    return switch (format) {
      case "json" -> LogLineWriter.line(JSON_FORMAT, v, LogLineWriter.Escape.JSON);
      case "common", "apache_combined" -> LogLineWriter.line(definition(format), v, LogLineWriter.Escape.APACHE);
      default -> LogLineWriter.line(definition(format), v, LogLineWriter.Escape.NGINX);
    };
  }

  /** ingress-nginx's upstream values: one try, several (retried, redirected), or none. */
  private static void upstreamTries(Map<String, String> v, Random r) {
    v.put("request_length", String.valueOf(100 + r.nextInt(2000)));
    v.put("request_time", "0.0" + r.nextInt(99));
    v.put("proxy_upstream_name", r.nextInt(10) == 0 ? "upstream-default-backend" : "shop-web-80");
    v.put("proxy_alternative_upstream_name", r.nextBoolean() ? "" : "shop-canary-80");
    v.put("req_id", Long.toHexString(r.nextLong()));
    switch (r.nextInt(3)) {
      case 0 -> {
        v.put("upstream_addr", "10.244." + r.nextInt(9) + ".7:8080");
        v.put("upstream_response_length", String.valueOf(r.nextInt(9000)));
        v.put("upstream_response_time", "0.00" + r.nextInt(9));
        v.put("upstream_status", "200");
      }
      case 1 -> {
        v.put("upstream_addr", "10.244.1.7:8080, [fd00::2]:8080 : 10.244.3.1:8080");
        v.put("upstream_response_length", "0, - : 612");
        v.put("upstream_response_time", "0.001, - : 0.004");
        v.put("upstream_status", "502, - : 200");
      }
      default -> {
        // Never reached an upstream: every upstream variable is written "-".
      }
    }
  }

  private static String definition(String format) {
    return Formats.builtins().find(format).orElseThrow().config().text("nginx");
  }

  /** A line of the seed talk's cache log. */
  public static String seedLine(Random r) {
    boolean hit = r.nextInt(3) == 0;
    return "***" + String.format("%02d", 1 + r.nextInt(28)) + "/Nov/2026:10:0" + r.nextInt(10) + ":1" + r.nextInt(10)
        + " -0800 ups_ad: " + (hit ? "-" : "10.0.0." + r.nextInt(20) + ":8080")
        + " ups_rt: " + (hit ? "-" : r.nextBoolean() ? "0.0" + r.nextInt(99) : "0.010, 0.020 : 0.031")
        + " cache: " + (hit ? "HIT" : r.nextBoolean() ? "MISS" : "EXPIRED")
        + " www.example.com \"GET /2026/11/post-" + r.nextInt(9) + "/ HTTP/1.1\" (" + (r.nextBoolean() ? 200 : 404)
        + ") media: " + r.nextInt(2) + " wp_login: " + (r.nextInt(5) == 0 ? "editor%7C1764" : "");
  }
}
