package dev.livelog.parser.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.builtin.SeedCacheFormat;
import org.junit.jupiter.api.Test;

/** Where a regex stopped matching a line: what test-format and dead letters point at. */
class RegexFailurePointTest {
  private static final String LINE = "***25/Nov/2026:10:00:01 -0800 ups_ad: 10.0.0.12:8080"
      + " ups_rt: 0.083 cache: MISS www.example.com \"GET /x HTTP/1.1\" (200) media: 0 wp_login: ";
  private final RegexFailurePoint seed = new RegexFailurePoint(SeedCacheFormat.REGEX);

  @Test
  void theSeedsRegexIsCutIntoItsPieces() {
    assertThat(RegexFailurePoint.RegexPieces.split(SeedCacheFormat.REGEX)).startsWith(
        "\\*\\*\\*", "(?P<time>\\S+ -\\d{4})", " ups_ad: ", "(?P<ups_ad>.*)", " ups_rt: ");
    assertThat(RegexFailurePoint.RegexPieces.split("a|b")).isEmpty();
    assertThat(RegexFailurePoint.RegexPieces.split("ab*[x\\]]{2,3}?(c(d))\\Qe)\\E")).containsExactly(
        "a", "b*", "[x\\]]{2,3}?", "(c(d))", "\\Qe)\\E");
  }

  @Test
  void pointsAtTheValueThatDoesNotFit() {
    String bad = LINE.replace("cache: MISS", "cache: MAYBE");
    RegexFailurePoint.Failure f = seed.locate(bad);
    assertThat(f.position()).isEqualTo(bad.indexOf("MAYBE"));
    assertThat(f.expected()).startsWith("(?P<status>HIT|MISS");

    String noStart = LINE.substring(3);
    assertThat(seed.locate(noStart)).isEqualTo(new RegexFailurePoint.Failure(0, "\\*\\*\\*", null));

    String badCode = LINE.replace("(200)", "(20x)");
    assertThat(seed.locate(badCode).position()).isEqualTo(badCode.indexOf("20x"));
  }

  @Test
  void aGreedyPieceRunningToTheEndPointsAtItsStart() {
    String cut = LINE.substring(0, LINE.indexOf(" ups_rt:"));
    RegexFailurePoint.Failure f = seed.locate(cut);
    assertThat(f.position()).isEqualTo(cut.indexOf("10.0.0.12"));
    assertThat(f.expected()).isEqualTo(" ups_rt: ");
    assertThat(f.describe()).isEqualTo("'(?P<ups_ad>.*)' matched from here to the end, with no ' ups_rt: ' after it");
  }

  @Test
  void rejectionsCarryThePositionAndMatchingLinesHaveNone() {
    LineParser p = Formats.compile(FormatConfig.of("builtin", "seed_cache"));
    String bad = LINE.replace("cache: MISS", "cache: MAYBE");
    assertThatThrownBy(() -> p.parse(bad, "s", 0)).isInstanceOfSatisfying(LineRejected.class, r -> {
      assertThat(r.position()).isEqualTo(bad.indexOf("MAYBE"));
      assertThat(r.getMessage()).contains("(?P<status>");
    });
    assertThat(seed.locate(LINE)).isNull();
    assertThat(new RegexFailurePoint("a|b").locate("c")).isNull();
  }
}
