package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** `livelog analyze` without --format: each built-in is recognised from a sample of its lines. */
class FormatDetectorTest {

  @Test
  void recognisesEachBuiltInFromItsOwnLines() {
    for (String format : List.of("combined", "main", "upstreaminfo", "common", "apache_combined",
        "json", "seed_cache")) {
      List<String> sample = identsWhereApacheWritesThem(format, SampleLogLines.of(format, 200, new Random(7)));
      assertThat(FormatDetector.detect(sample)).as(format).isEqualTo(format);
    }
  }

  @Test
  void apacheLinesWithoutIdentsAreCombinedAndNothingMatchesProse() {
    assertThat(FormatDetector.detect(List.of(
        "203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a HTTP/1.0\" 200 2326 \"-\" \"curl/8\"")))
        .isEqualTo("combined");
    assertThat(FormatDetector.detect(List.of("hello world", "not a log line"))).isNull();
  }

  /** Apache lines with an identd value in every line, so that only apache_combined reads them. */
  private static List<String> identsWhereApacheWritesThem(String format, List<String> lines) {
    if (!format.equals("apache_combined")) {
      return lines;
    }
    return lines.stream().map(line -> line.replaceFirst(" - ", " ident7 ")).toList();
  }
}
