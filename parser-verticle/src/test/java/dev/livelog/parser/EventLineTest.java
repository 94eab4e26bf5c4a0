package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.DeriveConfig;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event keeps the line it was parsed from, whatever the format kind: the very string
 * the source read (not a copy), the whole line for a format inside a container envelope.
 */
class EventLineTest {
  private static final String COMBINED = "10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "
      + "\"GET /caf\u00e9?q=1 HTTP/1.1\" 200 5 \"-\" \"curl/8.5.0\"";

  private static LogEvent parsed(FormatConfig format, SourceOrigin origin, String line) {
    LineBatch batch = new LineBatch(origin, new long[] {0}, new String[] {line}, line.length() + 1);
    BatchParser.Result result = new BatchParser(Formats.compile(format)).parse(batch, 42L);
    assertThat(result.deadLetters()).isEmpty();
    return result.events().events().get(0);
  }

  private static LogEvent parsed(FormatConfig format, String line) {
    return parsed(format, new SourceOrigin("s", "h", "/var/log/nginx/access.log", "1-2"), line);
  }

  @Test
  void eachFormatKindKeepsTheSameStringItWasGiven() {
    String json = "{\"status\":503,\"path\":\"/api\"}";
    String regex = "7 seven";
    List<Object[]> cases = List.of(
        new Object[] {FormatConfig.of("builtin", "combined"), COMBINED},
        new Object[] {FormatConfig.of("nginx", "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\""), COMBINED},
        new Object[] {FormatConfig.of("builtin", "json"), json},
        new Object[] {FormatConfig.of("regex", "^(?P<n>\\d+) (?P<text>.*)$"), regex},
        new Object[] {FormatConfig.of("builtin", "combined").withDerive(Map.of("media",
            new DeriveConfig("path", "\\.png$", "1", "0", "int"))), COMBINED});
    for (Object[] c : cases) {
      String line = new String((String) c[1]); // a string of its own, to tell it from a copy
      assertThat(parsed((FormatConfig) c[0], line).line()).as(c[0].toString()).isSameAs(line);
    }
  }

  @Test
  void aFormatInsideAContainerEnvelopeKeepsTheWholeLineNotItsContent() {
    String line = "2026-12-07T10:00:00.123456789Z stdout F " + COMBINED;
    LogEvent e = parsed(FormatConfig.of("cri", "combined"), line);
    assertThat(e.line()).isSameAs(line);
    assertThat(e.get("stream")).isEqualTo("stdout");
  }

  @Test
  void theFieldsAPatternSourceAddsKeepTheLine() {
    SourceOrigin member = new SourceOrigin("vhosts", "h", "/logs/shop.access.log", "1-2@ab",
        "combined", Map.of("vhost", "shop"));
    LogEvent e = parsed(FormatConfig.of("builtin", "combined"), member, COMBINED);
    assertThat(e.get("vhost")).isEqualTo("shop");
    assertThat(e.line()).isSameAs(COMBINED);
  }

  @Test
  void aLineWithoutATimeGetsOneAndKeepsItsLine() {
    LogEvent e = parsed(FormatConfig.of("builtin", "json"), "{\"a\":1}");
    assertThat(e.time()).isEqualTo(42L);
    assertThat(e.line()).isEqualTo("{\"a\":1}");
  }
}
