package dev.livelog.parser.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.builtin.SeedCacheFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which engine runs a regex format, and the construct that kept it off the scanner. */
class RegexEngineTest {

  private static String engine(String regex) {
    return Formats.compile(FormatConfig.of("regex", regex)).regexEngine().orElseThrow();
  }

  @Test
  void theSeedsRegexRunsOnTheScanner() {
    LineParser seed = Formats.compile(FormatConfig.of("regex", SeedCacheFormat.REGEX));
    assertThat(((RegexLineParser) seed).scanned()).isTrue();
    assertThat(seed.regexEngine()).contains("livelog's regex scanner (java.util.regex's results,"
        + " less work)");
  }

  @Test
  void aDeclinedRegexSaysWhichConstructWithTheUsersGroupNames() {
    assertThat(engine("(?<=id=)(?P<user_id>\\d+)"))
        .isEqualTo("java.util.regex: the scanner does not run a look-behind: (?<=id=)");
    assertThat(engine("^(?P<addr>\\S+) (?:(?P<a_word>[\\w-]+) )*\\[(?<t>[^]]+)]"))
        .isEqualTo("java.util.regex: the scanner does not run a repeated group:"
            + " (?:(?<a_word>[\\w-]+) )*");
    assertThat(engine("(?P<x>a)(?P=x)"))
        .isEqualTo("java.util.regex: the scanner does not run a back-reference: \\k<x>");
    assertThat(engine("(?i)(?<m>get)")).endsWith("inline flags: (?i)");
    assertThat(engine("(?<w>\\bword)")).endsWith("the escape \\b: \\b");
    assertThat(engine("(?<c>[a-z&&[^x]])")).endsWith("a class union or intersection: [a-z&&[^x]");
    assertThat(engine("(?<p>\\p{L}+)")).endsWith("a Unicode property: \\p{L}");
    assertThat(engine("(?<r>" + "a".repeat(60) + ")+"))
        .endsWith("a repeated group: (?<r>" + "a".repeat(34) + "...");
  }

  @Test
  void derivedFieldsAndBuiltInsReportTheirFormatsEngine() {
    LineParser derived = Formats.compile(FormatConfig.of("regex", "(?<=x)(?<a>\\d)")
        .withDerive(Map.of("b", new dev.livelog.common.config.DeriveConfig("a", "1", "y", "n", null))));
    assertThat(derived.regexEngine().orElseThrow()).contains("look-behind");
    assertThat(Formats.compile(FormatConfig.of("builtin", "seed_cache")).regexEngine().orElseThrow())
        .startsWith("livelog's regex scanner");
    assertThat(Formats.compile(FormatConfig.of("builtin", "combined")).regexEngine()).isEmpty();
  }

  @Test
  void aConfigListsTheEngineOfEachRegexFormatItUsesOrDefines() {
    var config = ConfigLoader.parse("""
        formats:
          ids: {regex: '(?<=id=)(?P<user_id>\\d+)'}
          web: {nginx: '$remote_addr $status'}
        sources:
          - {id: a, path: /x, format: seed_cache}
          - {id: b, path: /y, format: {regex: '^(?P<ip>\\S+)'}}
          - {id: c, path: /z, format: combined}
        """);
    Map<String, String> engines = Formats.regexEngines(config);
    assertThat(engines).containsOnlyKeys("format ids", "format seed_cache (built-in)",
        "source b (inline format)");
    assertThat(engines.get("format ids")).contains("look-behind");
    assertThat(engines.get("source b (inline format)")).startsWith("livelog's regex scanner");
    assertThat(Optional.of(engines.get("format seed_cache (built-in)"))).isPresent();
  }
}
