package dev.livelog.parser;

import static dev.livelog.parser.LogLineWriter.Escape.NGINX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's {@code upstreaminfo} on lines written from the definition its docs give (the
 * controller's default {@code log-format-upstream}), with the upstream variables as nginx
 * writes them when it tries several servers: {@code ", "} between the servers of a group,
 * {@code " : "} between groups, {@code -} for a server that gave no answer.
 */
class UpstreamInfoFormatTest {
  /** As ingress-nginx documents it (user-guide/nginx-configuration/log-format). */
  private static final String DOCUMENTED = "log_format upstreaminfo\n"
      + "    '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
      + "    '$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" '\n"
      + "    '$request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr '\n"
      + "    '$upstream_response_length $upstream_response_time $upstream_status $req_id';";

  private final LineParser parser = Formats.compile(FormatConfig.of("builtin", "upstreaminfo"));

  private static Map<String, String> request() {
    Map<String, String> v = new HashMap<>();
    v.put("remote_addr", "203.0.113.9");
    v.put("time_local", "07/Dec/2026:10:00:00 +0000");
    v.put("request", "GET /api/orders?page=2 HTTP/1.1");
    v.put("status", "200");
    v.put("body_bytes_sent", "612");
    v.put("http_referer", "https://shop.example.com/");
    v.put("http_user_agent", "Mozilla/5.0 (X11; Linux x86_64)");
    v.put("request_length", "431");
    v.put("request_time", "0.005");
    v.put("proxy_upstream_name", "shop-orders-8080");
    v.put("proxy_alternative_upstream_name", "");
    v.put("upstream_addr", "10.244.1.7:8080");
    v.put("upstream_response_length", "612");
    v.put("upstream_response_time", "0.004");
    v.put("upstream_status", "200");
    v.put("req_id", "5b3c0e1f9a2d4c6e8f7a1b2c3d4e5f60");
    return v;
  }

  private LogEvent parse(Map<String, String> values) throws LineRejected {
    return parser.parse(LogLineWriter.line(DOCUMENTED, values, NGINX), "ingress", 0);
  }

  @Test
  void theBuiltInIsTheDocumentedDefinition() {
    LineParser documented = Formats.compile(FormatConfig.of("nginx", DOCUMENTED));
    assertThat(parser.schema().names()).isEqualTo(documented.schema().names());
    assertThat(Formats.builtins().find("upstreaminfo").orElseThrow().description())
        .contains("ingress-nginx");
  }

  @Test
  void oneTryIsTypedValues() throws LineRejected {
    LogEvent e = parse(request());
    assertThat(e.time()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli());
    assertThat(e.fields()).containsEntry("remote_addr", "203.0.113.9")
        .containsEntry("status", 200L).containsEntry("body_bytes_sent", 612L)
        .containsEntry("method", "GET").containsEntry("path", "/api/orders")
        .containsEntry("request_length", 431L).containsEntry("request_time", 0.005)
        .containsEntry("proxy_upstream_name", "shop-orders-8080")
        .containsEntry("upstream_addr", "10.244.1.7:8080")
        .containsEntry("upstream_response_length", 612L)
        .containsEntry("upstream_response_time", 0.004)
        .containsEntry("upstream_status", 200L)
        .containsEntry("req_id", "5b3c0e1f9a2d4c6e8f7a1b2c3d4e5f60")
        .doesNotContainKey("remote_user");
  }

  @Test
  void severalTriesAreListsInTheOrderTried() throws LineRejected {
    Map<String, String> v = request();
    v.put("upstream_addr", "10.244.1.7:8080, 10.244.2.9:8080 : 10.244.3.1:8080");
    v.put("upstream_response_length", "0, 0 : 612");
    v.put("upstream_response_time", "0.001, 0.002 : 0.004");
    v.put("upstream_status", "502, 504 : 200");
    LogEvent e = parse(v);
    assertThat(e.get("upstream_addr"))
        .isEqualTo(List.of("10.244.1.7:8080", "10.244.2.9:8080", "10.244.3.1:8080"));
    assertThat(e.get("upstream_response_length")).isEqualTo(List.of(0L, 0L, 612L));
    assertThat(e.get("upstream_response_time")).isEqualTo(List.of(0.001, 0.002, 0.004));
    assertThat(e.get("upstream_status")).isEqualTo(List.of(502L, 504L, 200L));
    assertThat(e.get("req_id")).isEqualTo("5b3c0e1f9a2d4c6e8f7a1b2c3d4e5f60");
    // What averages and percentiles use: the time all tries took.
    assertThat(FieldValues.toDouble(e.get("upstream_response_time"))).isEqualTo(0.007, within());
  }

  @Test
  void aServerThatGaveNoAnswerIsAbsentInItsPlace() throws LineRejected {
    Map<String, String> v = request();
    v.put("status", "504");
    v.put("upstream_addr", "10.244.1.7:8080, [fd00::12]:8080");
    v.put("upstream_response_length", "0, -");
    v.put("upstream_response_time", "60.001, -");
    v.put("upstream_status", "504, -");
    LogEvent e = parse(v);
    assertThat(e.get("upstream_addr")).isEqualTo(List.of("10.244.1.7:8080", "[fd00::12]:8080"));
    assertThat(e.get("upstream_response_length")).isEqualTo(Arrays.asList(0L, null));
    assertThat(e.get("upstream_response_time")).isEqualTo(Arrays.asList(60.001, null));
    assertThat(e.get("upstream_status")).isEqualTo(Arrays.asList(504L, null));
  }

  @Test
  void aRequestThatNeverReachedAnUpstream() throws LineRejected {
    Map<String, String> v = request();
    v.put("status", "499");
    v.put("proxy_upstream_name", "upstream-default-backend");
    for (String f : List.of("upstream_addr", "upstream_response_length", "upstream_response_time",
        "upstream_status", "remote_user")) {
      v.put(f, "-");
    }
    LogEvent e = parse(v);
    assertThat(e.get("status")).isEqualTo(499L);
    assertThat(e.get("proxy_upstream_name")).isEqualTo("upstream-default-backend");
    assertThat(e.get("proxy_alternative_upstream_name")).isEqualTo("");
    assertThat(e.get("upstream_addr")).isNull();
    assertThat(e.get("upstream_status")).isNull();
    assertThat(e.get("req_id")).isEqualTo("5b3c0e1f9a2d4c6e8f7a1b2c3d4e5f60");
  }

  @Test
  void aBadTryIsRejectedWhereItIs() {
    Map<String, String> v = request();
    v.put("upstream_status", "502, 2x0");
    String line = LogLineWriter.line(DOCUMENTED, v, NGINX);
    assertThatThrownBy(() -> parser.parse(line, "ingress", 0))
        .isInstanceOfSatisfying(LineRejected.class, r -> {
          assertThat(r.getMessage()).contains("$upstream_status").contains("2x0");
          assertThat(r.position()).isEqualTo(line.indexOf("502, 2x0"));
        });
  }

  @Test
  void detectionTellsItFromCombinedAndMain() {
    List<String> sample = List.of(LogLineWriter.line(DOCUMENTED, request(), NGINX),
        LogLineWriter.line(DOCUMENTED, request(), NGINX));
    assertThat(FormatDetector.detect(sample)).isEqualTo("upstreaminfo");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
