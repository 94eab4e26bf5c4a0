package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** nginx's combined format, from its documented definition, including its awkward lines. */
class CombinedFormatTest {
  private final LineParser combined = Formats.compile(Formats.builtins().find("combined").orElseThrow().config());

  @Test
  void parsesATypicalLineIntoTypedFields() throws LineRejected {
    LogEvent e = combined.parse("203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "
        + "\"GET /apache_pb.gif?x=1&y=2 HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" "
        + "\"Mozilla/4.08 [en] (Win98; I ;Nav)\"", "web", 7);
    assertThat(e.time()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z").toEpochMilli());
    assertThat(e.get("remote_addr")).isEqualTo("203.0.113.9");
    assertThat(e.get("remote_user")).isEqualTo("alice");
    assertThat(e.get("status")).isEqualTo(200L);
    assertThat(e.get("body_bytes_sent")).isEqualTo(2326L);
    assertThat(e.get("method")).isEqualTo("GET");
    assertThat(e.get("path")).isEqualTo("/apache_pb.gif");
    assertThat(e.get("query")).isEqualTo("x=1&y=2");
    assertThat(e.get("protocol")).isEqualTo("HTTP/1.0");
    assertThat(e.get("http_user_agent")).isEqualTo("Mozilla/4.08 [en] (Win98; I ;Nav)");
  }

  @Test
  void dashFieldsAreAbsentAndIpv6AndPositiveZonesWork() throws LineRejected {
    LogEvent e = combined.parse("2001:db8::1 - - [01/Jan/2026:00:00:00 +0530] \"-\" 400 0 \"-\" \"-\"",
        "web", 0);
    assertThat(e.get("remote_addr")).isEqualTo("2001:db8::1");
    assertThat(e.get("remote_user")).isNull();
    assertThat(e.get("http_referer")).isNull();
    assertThat(e.get("request")).isNull();
    assertThat(e.get("method")).isNull();
    assertThat(e.time()).isEqualTo(Instant.parse("2025-12-31T18:30:00Z").toEpochMilli());
  }

  @Test
  void escapedQuotesAndEmptyAgentsStayInsideTheirField() throws LineRejected {
    LogEvent e = combined.parse("10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "
        + "\"GET /a\\\"b\\\" c HTTP/1.1\" 404 12 \"\" \"\"", "web", 0);
    assertThat(e.get("request")).isEqualTo("GET /a\"b\" c HTTP/1.1");
    assertThat(e.get("http_user_agent")).isEqualTo("");
    assertThat(e.get("http_referer")).isEqualTo("");
    LogEvent agent = combined.parse("10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "
        + "\"GET / HTTP/1.1\" 200 1 \"-\" \"say \\\"hi\\\" \"and\" bye\"", "web", 0);
    assertThat(agent.get("http_user_agent")).isEqualTo("say \"hi\" \"and\" bye");
  }

  @Test
  void rejectsWithTheReasonAndWhereMatchingStopped() {
    assertThatThrownBy(() -> combined.parse("10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" abc 1 \"-\" \"-\"", "w", 0))
        .isInstanceOfSatisfying(LineRejected.class, r -> {
          assertThat(r.getMessage()).contains("$status").contains("abc");
          assertThat(r.position()).isEqualTo(59);
        });
    assertThatThrownBy(() -> combined.parse("garbage", "w", 0)).isInstanceOf(LineRejected.class);
    assertThatThrownBy(() -> combined.parse("", "w", 0)).isInstanceOf(LineRejected.class);
  }

  @Test
  void aPastedLogFormatDirectiveWorks() throws LineRejected {
    LineParser p = Formats.compile(FormatConfig.of("nginx",
        "log_format timed '$remote_addr [$time_local] \"$request\" $status '\n"
            + "                 'rt=$request_time urt=\"$upstream_response_time\"';"));
    LogEvent e = p.parse("1.2.3.4 [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 502 "
        + "rt=0.250 urt=\"0.100, 0.150\"", "w", 0);
    assertThat(e.get("request_time")).isEqualTo(0.25);
    assertThat(e.get("upstream_response_time")).isEqualTo(java.util.List.of(0.1, 0.15));
    assertThat(e.get("status")).isEqualTo(502L);
  }
}
