package dev.livelog.parser.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** log_format directives pasted from nginx.conf, as nginx's documentation writes them. */
class NginxLogFormatTest {
  private static LineParser pasted(String directive) {
    return Formats.compile(FormatConfig.of("nginx", directive));
  }

  @Test
  void aWholeDirectiveWithSeveralStringsBracesAndUpstreamTimes() throws LineRejected {
    LineParser p = pasted("log_format upstream_time '$remote_addr - $remote_user [$time_local] '\n"
        + "                         \"\\\"$request\\\" $status $body_bytes_sent \"\n"
        + "                         'rt=$request_time uct=\"$upstream_connect_time\" '\n"
        + "                         'urt=\"${upstream_response_time}\" ms=$msec';");
    LogEvent e = p.parse("10.1.2.3 - - [10/Oct/2000:13:55:36 +0000] \"GET /x HTTP/1.1\" 502 157 "
        + "rt=0.250 uct=\"0.001, -\" urt=\"0.100, 0.150 : 0.020\" ms=971186136.123", "w", 0);
    assertThat(e.get("request_time")).isEqualTo(0.25);
    // The server that gave no answer keeps its place, so the lists of a request line up.
    assertThat(e.get("upstream_connect_time")).isEqualTo(Arrays.asList(0.001, null));
    assertThat(e.get("upstream_response_time")).isEqualTo(List.of(0.1, 0.15, 0.02));
    assertThat(e.get("msec")).isEqualTo(Instant.ofEpochMilli(971186136123L));
    assertThat(e.time()).isEqualTo(Instant.parse("2000-10-10T13:55:36Z").toEpochMilli());
  }

  @Test
  void justTheStringsOrJustTheTextWorkToo() throws LineRejected {
    String line = "1.2.3.4 200 \"-\"";
    assertThat(pasted("'$remote_addr $status \"$http_referer\"'").parse(line, "w", 0).get("status"))
        .isEqualTo(200L);
    assertThat(pasted("$remote_addr $status \"$http_referer\"").parse(line, "w", 0).get("remote_addr"))
        .isEqualTo("1.2.3.4");
  }

  @Test
  void escapeNoneKeepsBackslashesAndEscapeJsonDecodes() throws LineRejected {
    LineParser none = pasted("log_format raw escape=none '$remote_addr \"$http_user_agent\"';");
    assertThat(none.parse("1.2.3.4 \"a\\x22b\\\"\"", "w", 0).get("http_user_agent"))
        .isEqualTo("a\\x22b\\\"");
    LineParser json = pasted("log_format j escape=json '{\"ua\":\"$http_user_agent\",\"s\":$status}';");
    LogEvent e = json.parse("{\"ua\":\"a\\\"b\\\\c\\u00e9\\n\",\"s\":404}", "w", 0);
    assertThat(e.get("http_user_agent")).isEqualTo("a\"b\\c\u00e9\n");
    assertThat(e.get("status")).isEqualTo(404L);
  }

  @Test
  void badDirectivesNameTheFieldAndTheReason() {
    assertThatThrownBy(() -> pasted("log_format x escape=yaml '$status';"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("nginx");
          assertThat(e.reason()).contains("escape must be default, json or none");
        });
    assertThatThrownBy(() -> pasted("'$remote_addr$status'"))
        .hasMessageContaining("not separated by any text");
    assertThatThrownBy(() -> pasted("log_format x '$status"))
        .hasMessageContaining("unclosed quote");
    assertThatThrownBy(() -> pasted("log_format x 'no variables';"))
        .hasMessageContaining("no $variables");
    assertThatThrownBy(() -> pasted("'${status'")).hasMessageContaining("invalid variable");
  }

  @Test
  void escapesDecodeAsNginxAndApacheWroteThem() {
    assertThat(NginxEscape.DEFAULT.decode("/caf\\xC3\\xA9 \\x22q\\x22 \\x5C")).isEqualTo("/caf\u00e9 \"q\" \\");
    assertThat(NginxEscape.DEFAULT.decode("a\\\"b\\\\c\\nd")).isEqualTo("a\"b\\c\nd");
    assertThat(NginxEscape.DEFAULT.decode("bad utf8 \\xFF\\xFE end")).isEqualTo("bad utf8 \uFFFD\uFFFD end");
    assertThat(NginxEscape.DEFAULT.decode("kept \\q \\x4 \\")).isEqualTo("kept \\q \\x4 \\");
    assertThat(NginxEscape.JSON.decode("\\u00e9\\/\\t\\uD83D\\uDE00 \\x")).isEqualTo("\u00e9/\t\uD83D\uDE00 \\x");
    assertThat(NginxEscape.NONE.decode("\\x22")).isEqualTo("\\x22");
    String plain = "nothing to do";
    assertThat(NginxEscape.DEFAULT.decode(plain)).isSameAs(plain);
  }
}
