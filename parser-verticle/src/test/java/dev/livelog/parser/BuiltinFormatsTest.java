package dev.livelog.parser;

import static dev.livelog.parser.LogLineWriter.Escape.APACHE;
import static dev.livelog.parser.LogLineWriter.Escape.JSON;
import static dev.livelog.parser.LogLineWriter.Escape.NGINX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every built-in format on lines written from its documented definition (nginx's log_format,
 * Apache's LogFormat) by {@link LogLineWriter}, with the awkward values real traffic has.
 */
class BuiltinFormatsTest {
  private static final String COMBINED = definition("combined");
  private static final String MAIN = definition("main");
  private static final String COMMON = definition("common");
  private static final String APACHE_COMBINED = definition("apache_combined");

  private static String definition(String name) {
    return Formats.builtins().find(name).orElseThrow().config().text("nginx");
  }

  private static LineParser parser(String name) {
    return Formats.compile(FormatConfig.of("builtin", name));
  }

  private static Map<String, String> request(String request, String agent) {
    Map<String, String> v = new HashMap<>(Map.of("remote_addr", "203.0.113.9",
        "time_local", "10/Oct/2000:13:55:36 -0700", "request", request, "status", "200",
        "body_bytes_sent", "2326", "http_referer", "http://www.example.com/start.html"));
    v.put("http_user_agent", agent);
    return v;
  }

  @Test
  void theBuiltInsAreTheOnesTheIssueNames() {
    assertThat(Formats.builtins().names()).containsExactly("combined", "main", "upstreaminfo", "common",
        "apache_combined", "json", "seed_cache");
  }

  @Test
  void combinedTypesEveryField() throws LineRejected {
    String line = LogLineWriter.line(COMBINED, request("GET /apache_pb.gif?x=1&y=2 HTTP/1.0",
        "Mozilla/4.08 [en] (Win98; I ;Nav)"), NGINX);
    LogEvent e = parser("combined").parse(line, "web", 7);
    assertThat(e.time()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z").toEpochMilli());
    assertThat(e.fields()).containsEntry("remote_addr", "203.0.113.9").containsEntry("status", 200L)
        .containsEntry("body_bytes_sent", 2326L).containsEntry("method", "GET")
        .containsEntry("path", "/apache_pb.gif").containsEntry("query", "x=1&y=2")
        .containsEntry("protocol", "HTTP/1.0")
        .containsEntry("http_user_agent", "Mozilla/4.08 [en] (Win98; I ;Nav)")
        .doesNotContainKey("remote_user");
  }

  @Test
  void nginxEscapesInAgentsAndNonAsciiPathsAreDecoded() throws LineRejected {
    Map<String, String> v = request("GET /caf\u00e9/\u00fcber?q=\u00f1 HTTP/1.1",
        "say \"hi\" \\ and\ttab \u2603");
    String line = LogLineWriter.line(COMBINED, v, NGINX);
    assertThat(line).contains("/caf\\xC3\\xA9/").contains("say \\x22hi\\x22 \\x5C and\\x09tab");
    LogEvent e = parser("combined").parse(line, "web", 0);
    assertThat(e.get("path")).isEqualTo("/caf\u00e9/\u00fcber");
    assertThat(e.get("query")).isEqualTo("q=\u00f1");
    assertThat(e.get("http_user_agent")).isEqualTo("say \"hi\" \\ and\ttab \u2603");
  }

  @Test
  void apacheEscapesReadTheSame() throws LineRejected {
    Map<String, String> v = request("GET /a\"b HTTP/1.1", "quote \" backslash \\ caf\u00e9");
    String line = LogLineWriter.line(COMBINED, v, APACHE);
    assertThat(line).contains("quote \\\" backslash \\\\ caf\\xc3\\xa9");
    LogEvent e = parser("combined").parse(line, "web", 0);
    assertThat(e.get("request")).isEqualTo("GET /a\"b HTTP/1.1");
    assertThat(e.get("http_user_agent")).isEqualTo("quote \" backslash \\ caf\u00e9");
  }

  @Test
  void ipv6DashFieldsEmptyAgentsAndOddRequests() throws LineRejected {
    Map<String, String> v = request("-", "");
    v.put("remote_addr", "2001:db8::1");
    v.put("http_referer", "-");
    v.put("time_local", "01/Jan/2026:00:00:00 +0530");
    v.put("status", "400");
    v.put("body_bytes_sent", "0");
    LogEvent e = parser("combined").parse(LogLineWriter.line(COMBINED, v, NGINX), "web", 0);
    assertThat(e.get("remote_addr")).isEqualTo("2001:db8::1");
    assertThat(e.get("request")).isNull();
    assertThat(e.get("method")).isNull();
    assertThat(e.get("http_referer")).isNull();
    assertThat(e.get("http_user_agent")).isEqualTo("");
    assertThat(e.get("body_bytes_sent")).isEqualTo(0L);
    assertThat(e.time()).isEqualTo(Instant.parse("2025-12-31T18:30:00Z").toEpochMilli());

    v.put("request", "\u0016\u0003\u0001\u0002\u0000\u0001"); // a TLS hello sent to the plain port
    LogEvent tls = parser("combined").parse(LogLineWriter.line(COMBINED, v, NGINX), "web", 0);
    assertThat(tls.get("request")).isEqualTo("\u0016\u0003\u0001\u0002\u0000\u0001");
    assertThat(tls.get("method")).isNull();
  }

  @Test
  void combinedRejectsWithTheReasonAndWhereMatchingStopped() {
    String good = LogLineWriter.line(COMBINED, request("GET / HTTP/1.1", "curl/8.5.0"), NGINX);
    String badStatus = good.replace("\" 200 ", "\" 2x0 ");
    assertThatThrownBy(() -> parser("combined").parse(badStatus, "w", 0))
        .isInstanceOfSatisfying(LineRejected.class, r -> {
          assertThat(r.getMessage()).contains("$status").contains("2x0");
          assertThat(r.position()).isEqualTo(badStatus.indexOf("2x0"));
        });
    String truncated = good.substring(0, good.indexOf(" \"http"));
    assertThatThrownBy(() -> parser("combined").parse(truncated, "w", 0))
        .isInstanceOf(LineRejected.class);
    assertThatThrownBy(() -> parser("combined").parse("", "w", 0)).isInstanceOf(LineRejected.class);
  }

  @Test
  void mainAddsForwardedForAndCommonHasNoAgent() throws LineRejected {
    Map<String, String> v = request("POST /login HTTP/2.0", "curl/8.5.0");
    v.put("http_x_forwarded_for", "198.51.100.7, 10.0.0.1");
    LogEvent main = parser("main").parse(LogLineWriter.line(MAIN, v, NGINX), "web", 0);
    assertThat(main.get("http_x_forwarded_for")).isEqualTo("198.51.100.7, 10.0.0.1");
    assertThat(main.get("method")).isEqualTo("POST");

    Map<String, String> apache = request("GET /index.html HTTP/1.0", "unused");
    apache.put("ident", "-");
    apache.put("remote_user", "frank");
    apache.put("body_bytes_sent", "-"); // Apache's %b writes - for no body
    LogEvent common = parser("common").parse(LogLineWriter.line(COMMON, apache, APACHE), "web", 0);
    assertThat(common.get("remote_user")).isEqualTo("frank");
    assertThat(common.get("body_bytes_sent")).isNull();
    assertThat(common.get("path")).isEqualTo("/index.html");
    assertThat(common.schema().names()).doesNotContain("http_user_agent");
  }

  @Test
  void apacheCombinedTakesAnIdentThatNginxCombinedDoesNot() throws LineRejected {
    Map<String, String> v = request("GET /a%20b?q=1 HTTP/1.1", "Mozilla/5.0 (X11; Linux x86_64)");
    v.put("ident", "frank");
    v.put("remote_user", "alice");
    String line = LogLineWriter.line(APACHE_COMBINED, v, APACHE);

    LogEvent event = parser("apache_combined").parse(line, "web", 0);
    assertThat(event.get("ident")).isEqualTo("frank");
    assertThat(event.get("remote_user")).isEqualTo("alice");
    assertThat(event.get("http_user_agent")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
    assertThat(event.get("status")).isEqualTo(200L);
    assertThatThrownBy(() -> parser("combined").parse(line, "web", 0)).isInstanceOf(LineRejected.class);

    v.put("ident", "-");
    LogEvent dash = parser("apache_combined").parse(LogLineWriter.line(APACHE_COMBINED, v, APACHE), "web", 0);
    assertThat(dash.get("ident")).isNull();
    assertThat(dash.get("path")).isEqualTo("/a%20b");
  }

  @Test
  void jsonReadsAnNginxEscapeJsonLog() throws LineRejected {
    String logFormat = "log_format json_combined escape=json '{'\n"
        + "  '\"time_local\":\"$time_local\",'\n"
        + "  '\"remote_addr\":\"$remote_addr\",'\n"
        + "  '\"request\":\"$request\",'\n"
        + "  '\"status\": \"$status\",'\n"
        + "  '\"body_bytes_sent\":$body_bytes_sent,'\n"
        + "  '\"request_time\":\"$request_time\",'\n"
        + "  '\"http_user_agent\":\"$http_user_agent\"'\n"
        + "'}';";
    Map<String, String> v = request("GET /caf\u00e9?a=\"1\" HTTP/1.1", "agent \"x\"\u0001");
    v.put("request_time", "0.250");
    String line = LogLineWriter.line(logFormat, v, JSON);
    assertThat(line).contains("\\\"x\\\"\\u0001").contains("/caf\u00e9");

    LogEvent json = parser("json").parse(line, "web", 0);
    assertThat(json.time()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z").toEpochMilli());
    assertThat(json.fields()).containsEntry("status", 200L).containsEntry("body_bytes_sent", 2326L)
        .containsEntry("request_time", 0.25).containsEntry("path", "/caf\u00e9")
        .containsEntry("query", "a=\"1\"").containsEntry("http_user_agent", "agent \"x\"\u0001");

    LogEvent pasted = Formats.compile(FormatConfig.of("nginx", logFormat))
        .parse(line, "web", 0);
    assertThat(pasted.fields()).isEqualTo(json.fields());
  }

  @Test
  void theSeedsCacheLogIsBuiltIn() throws LineRejected {
    LogEvent e = parser("seed_cache").parse("***25/Nov/2026:10:00:01 -0800 ups_ad: - ups_rt: -"
        + " cache: HIT www.example.com \"GET / HTTP/1.1\" (200) media: 0 wp_login: ", "ng1", 0);
    assertThat(e.get("status")).isEqualTo("HIT");
    assertThat(e.get("ups_rt")).isNull();
    assertThat(List.of(e.get("http_status"), e.get("media"))).containsExactly(200L, "0");
  }
}
