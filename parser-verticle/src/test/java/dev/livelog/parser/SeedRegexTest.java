package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.builtin.SeedCacheFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's Python-style regex, written as in the seed, with its time format and zone. */
class SeedRegexTest {
  private static final String LINE = "***25/Nov/2026:10:00:01 -0800 ups_ad: 10.0.0.12:8080"
      + " ups_rt: 0.083 cache: MISS www.example.com \"GET /2026/11/post-1/ HTTP/1.1\" (200)"
      + " media: 0 wp_login: ";

  private final LineParser seed = Formats.compile(Formats.builtins().find("seed_cache").orElseThrow().config());

  @Test
  void theSeedsGroupsAreWrittenAsInTheSeed() {
    assertThat(SeedCacheFormat.REGEX)
        .startsWith("\\*\\*\\*(?P<time>\\S+ -\\d{4}) ups_ad: (?P<ups_ad>.*) ups_rt: (?P<ups_rt>.*)");
  }

  @Test
  void parsesTimeWithZoneNumbersAndEmptyFields() throws LineRejected {
    LogEvent e = seed.parse(LINE, "ng1", 42);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T18:00:01Z").toEpochMilli());
    assertThat(e.get("time")).isEqualTo(Instant.parse("2026-11-25T18:00:01Z"));
    assertThat(e.get("ups_ad")).isEqualTo("10.0.0.12:8080");
    assertThat(e.get("ups_rt")).isEqualTo(0.083);
    assertThat(e.get("status")).isEqualTo("MISS");
    assertThat(e.get("http_status")).isEqualTo(200L);
    assertThat(e.get("media")).isEqualTo("0");
    assertThat(e.get("wp_login")).isEqualTo("");
    assertThat(e.get("request")).isEqualTo("GET /2026/11/post-1/ HTTP/1.1");
    assertThat(e.offset()).isEqualTo(42);
    assertThat(e.source()).isEqualTo("ng1");
  }

  @Test
  void dashMeansAbsentAndMultiUpstreamTimesKeepTheList() throws LineRejected {
    LogEvent hit = seed.parse(LINE.replace("ups_ad: 10.0.0.12:8080 ups_rt: 0.083 cache: MISS",
        "ups_ad: - ups_rt: - cache: HIT"), "ng1", 0);
    assertThat(hit.get("ups_rt")).isNull();
    assertThat(hit.get("ups_ad")).isNull();
    assertThat(hit.get("status")).isEqualTo("HIT");

    LogEvent retried = seed.parse(LINE.replace("ups_rt: 0.083", "ups_rt: 0.010, 0.020 : 0.031"),
        "ng1", 0);
    assertThat(retried.get("ups_rt")).isEqualTo(List.of(0.010, 0.020, 0.031));
  }

  @Test
  void aLineOfAnotherFormatIsRejectedWithAReason() {
    assertThatThrownBy(() -> seed.parse("127.0.0.1 - - [25/Nov/2026:10:00:01 -0800] \"GET /\"", "s", 0))
        .isInstanceOf(LineRejected.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> seed.parse(LINE.replace("25/Nov/2026", "31/Nov/2026"), "s", 0))
        .isInstanceOf(LineRejected.class).hasMessageContaining("time");
  }

  @Test
  void javaStyleGroupsAndLookbehindsStillWork() throws LineRejected {
    LineParser p = Formats.compile(FormatConfig.of("regex",
        "(?<=id=)(?<user_id>\\d+)[^]x]*(?P<rest>x)(?P=rest)").withTypes(Map.of("user_id", "int")));
    LogEvent e = p.parse("id=77 yyxx", "s", 0);
    assertThat(e.get("user_id")).isEqualTo(77L);
    assertThat(e.get("rest")).isEqualTo("x");
    assertThat(e.time()).isEqualTo(LogEvent.NO_TIME);
  }

  @Test
  void badRegexesAndTypesNameTheField() {
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("regex", "(?P<a>[0-9")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("regex"));
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("regex", "(?P<a>x)").withTypes(Map.of("b", "int"))))
        .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("types.b"));
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("regex", "(?P<a>x)").withTypes(Map.of("a", "%Q"))))
        .hasMessageContaining("%Q");
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("regex", "plain")))
        .hasMessageContaining("no named groups");
  }
}
