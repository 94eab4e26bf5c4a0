package dev.livelog.parser.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Values that contain the text that follows them in the format: the scanner splits where the
 * rest of the line fits, as nginx's values allow, not at the first occurrence.
 */
class NginxSplitTest {
  private static final LineParser HOST_PORT =
      pasted("'$host:$server_port \"$request\" $status $body_bytes_sent'");

  private static LineParser pasted(String directive) {
    return Formats.compile(FormatConfig.of("nginx", directive));
  }

  private static LineParser builtin(String name) {
    return Formats.compile(Formats.builtins().find(name).orElseThrow().config());
  }

  private static LogEvent parse(LineParser parser, String line) throws LineRejected {
    return parser.parse(line, "web", 0);
  }

  @Test
  void ipv6HostsBareOrBracketedSplitAtThePortsColon() throws LineRejected {
    String request = " \"GET /a HTTP/1.1\" 200 512";
    assertThat(parse(HOST_PORT, "example.com:80" + request).fields())
        .containsEntry("host", "example.com").containsEntry("server_port", 80L);
    assertThat(parse(HOST_PORT, "2001:db8::1:82" + request).fields())
        .containsEntry("host", "2001:db8::1").containsEntry("server_port", 82L)
        .containsEntry("status", 200L).containsEntry("path", "/a");
    assertThat(parse(HOST_PORT, "[2001:db8::1]:82" + request).fields())
        .containsEntry("host", "[2001:db8::1]").containsEntry("server_port", 82L);
    assertThat(parse(HOST_PORT, "::1:8080" + request).fields())
        .containsEntry("host", "::1").containsEntry("server_port", 8080L);
    assertThat(parse(HOST_PORT, "fe80::a:b:c:d:443" + request).get("host")).isEqualTo("fe80::a:b:c:d");
  }

  @Test
  void otherValuesThatHoldTheirSeparatorSplitWhereTheRestFits() throws LineRejected {
    // $http_x_forwarded_for is a list "a, b" and the format separates with spaces.
    LineParser forwarded = pasted("'$remote_addr $http_x_forwarded_for $request_time $status'");
    assertThat(parse(forwarded, "1.2.3.4 10.0.0.1, 10.0.0.2 0.005 200").fields())
        .containsEntry("http_x_forwarded_for", "10.0.0.1, 10.0.0.2")
        .containsEntry("request_time", 0.005).containsEntry("status", 200L);
    // $time_local without its brackets holds the space that separates it from what follows.
    LineParser timeFirst = pasted("'$time_local $remote_addr $status'");
    LogEvent timed = parse(timeFirst, "10/Oct/2000:13:55:36 +0200 1.2.3.4 200");
    assertThat(timed.time()).isEqualTo(java.time.Instant.parse("2000-10-10T11:55:36Z").toEpochMilli());
    assertThat(timed.fields()).containsEntry("remote_addr", "1.2.3.4").containsEntry("status", 200L);
    // A user name with a space before ' [' stays the common first split.
    LineParser common = builtin("common");
    assertThat(parse(common, "1.2.3.4 - john doe [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5")
        .get("remote_user")).isEqualTo("john doe");
  }

  @Test
  void aLineNoSplitFitsIsRejectedWithTheFirstMisfit() {
    assertThatThrownBy(() -> parse(HOST_PORT, "2001:db8::1:http \"GET / HTTP/1.1\" 200 5"))
        .isInstanceOf(LineRejected.class).hasMessageContaining("$server_port");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void theSearchForASplitIsBoundedOnLinesThatFitNone() {
    LineParser spaced = pasted("'$a $b $c $d $e $f $g $h $i $status'");
    String line = "x ".repeat(5_000) + "notanumber";
    assertThatThrownBy(() -> parse(spaced, line)).isInstanceOf(LineRejected.class);
  }

  @Test
  void aLineCutInItsLastQuotedValueKeepsItsFieldsAndIsFlagged() throws LineRejected {
    LineParser combined = builtin("combined");
    String whole = "203.0.113.9 - - [10/Oct/2000:13:55:36 +0000] \"GET /a?b=1 HTTP/1.1\" 200 2326 "
        + "\"http://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
    assertThat(parse(combined, whole).get(LogEvent.TRUNCATED)).isNull();

    LogEvent cut = parse(combined, whole.substring(0, whole.length() - 12));

    assertThat(cut.get(LogEvent.TRUNCATED)).isEqualTo(true);
    assertThat(cut.fields()).containsEntry("status", 200L).containsEntry("body_bytes_sent", 2326L)
        .containsEntry("path", "/a").containsEntry("http_referer", "http://example.com/")
        .containsEntry("http_user_agent", "Mozilla/5.0 (X11; Li");
    assertThat(parse(combined, whole.substring(0, whole.indexOf("\"Mozilla") + 1)).get("http_user_agent"))
        .isEqualTo("");
  }

  @Test
  void aPastedFormatCutInItsLastQuotedValueLacksTheFieldsAfterIt() throws LineRejected {
    LineParser p = pasted("log_format timed '$remote_addr \"$request\" $status \"$http_user_agent\" rt=$request_time';");
    LogEvent cut = parse(p, "1.2.3.4 \"GET / HTTP/1.1\" 404 \"curl/8.");

    assertThat(cut.get(LogEvent.TRUNCATED)).isEqualTo(true);
    assertThat(cut.fields()).containsEntry("status", 404L).containsEntry("http_user_agent", "curl/8.")
        .doesNotContainKey("request_time");
    assertThat(parse(p, "1.2.3.4 \"GET / HTTP/1.1\" 404 \"curl/8.5\" rt=0.001").get(LogEvent.TRUNCATED)).isNull();
  }

  @Test
  void splitsTriedBeforeATruncatedReadingLeaveNoValuesBehind() throws LineRejected {
    LineParser p = pasted("'$remote_user \"$http_user_agent\" $status $body_bytes_sent'");
    // First read as user a, agent b, status 5 (and then no number of bytes); it only fits as a
    // user up to the last ' "' and an agent cut short, which has no status.
    LogEvent e = parse(p, "a \"b\" 5 x \"c");
    assertThat(e.get(LogEvent.TRUNCATED)).isEqualTo(true);
    assertThat(e.fields()).containsEntry("remote_user", "a \"b\" 5 x").containsEntry("http_user_agent", "c")
        .doesNotContainKey("status");
  }

  @Test
  void aLineCutBeforeItsLastQuotedValueIsStillADeadLetter() {
    LineParser combined = builtin("combined");
    assertThatThrownBy(() -> parse(combined, "203.0.113.9 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HT"))
        .isInstanceOf(LineRejected.class);
    assertThatThrownBy(() -> parse(combined, "203.0.113.9 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5 \"http://exa"))
        .isInstanceOf(LineRejected.class);
  }

  @Test
  void formatsWithoutAQuotedValueHaveNoTruncatedField() {
    assertThat(HOST_PORT.schema().names()).contains(LogEvent.TRUNCATED); // "$request" is quoted
    assertThat(pasted("'$remote_addr $status'").schema().names()).isEqualTo(List.of("remote_addr", "status"));
  }
}
