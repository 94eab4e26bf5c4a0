package dev.livelog.app;

import static dev.livelog.app.CliTest.livelog;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code analyze} says about real logs: every status class, sparse rates, cut lines. */
class AnalyzeHonestNumbersTest {
  @TempDir Path dir;

  private static String line(int second, int status, String agent) {
    return String.format("10.0.0.1 - - [25/Nov/2026:10:%02d:%02d +0000] \"GET /a HTTP/1.1\" %d 10 \"-\" %s",
        second / 60, second % 60, status, agent);
  }

  private Path log(List<String> lines) throws Exception {
    Path log = dir.resolve("access.log");
    Files.write(log, lines);
    return log;
  }

  @Test
  void informationalResponsesAreAClassLikeTheOthersAndTheSharesAddUpToAHundred() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(line(i, i < 2 ? 101 : i < 8 ? 200 : 404, "\"curl\""));
    }
    Path log = log(lines);

    JsonObject json = new JsonObject(livelog("analyze", "--json", log.toString()).out());
    assertThat(json.getJsonObject("status").getMap()).containsEntry("1xx", 2).containsEntry("2xx", 6)
        .containsEntry("4xx", 2);

    String text = livelog("analyze", log.toString()).out();
    assertThat(text).contains("1xx 2 (20.0%)").contains("2xx 6 (60.0%)").contains("4xx 2 (20.0%)");
  }

  @Test
  void aSparseLogsRateKeepsItsDigits() throws Exception {
    // Three requests over a minute and a half: 0.033 a second, 2.0 a minute.
    Path log = log(List.of(line(0, 200, "\"-\""), line(45, 200, "\"-\""), line(90, 200, "\"-\"")));

    JsonObject json = new JsonObject(livelog("analyze", "--json", log.toString()).out());
    assertThat(json.getDouble("requests_per_second")).isEqualTo(0.033);
    assertThat(livelog("analyze", log.toString()).out()).contains("0.033 requests/s (2.0/min)")
        .doesNotContain("0.0 requests/s");
  }

  @Test
  void aLineCutInItsUserAgentIsParsedAndCountedAsTruncated() throws Exception {
    Path log = log(List.of(line(0, 200, "\"Mozilla/5.0\""), line(1, 503, "\"Mozilla/5.0 (X11; Li"),
        "not a log line"));

    JsonObject json = new JsonObject(livelog("analyze", "--json", "-f", "combined", log.toString()).out());
    assertThat(json.getLong("parsed")).isEqualTo(2);
    assertThat(json.getLong("truncated")).isEqualTo(1);
    assertThat(json.getLong("failed")).isEqualTo(1);
    assertThat(json.getJsonObject("status").getMap()).containsEntry("5xx", 1);
    assertThat(livelog("analyze", "-f", "combined", log.toString()).out())
        .contains("parsed 2 (1 truncated)   failed 1");
  }

  @Test
  void aLineLongerThanAChunkIsOneFailedLineAndTheLinesAroundItAreRead() throws Exception {
    // 9 MiB without a newline: longer than analyze's 4 MiB chunks, read in one piece and skipped.
    String huge = "x".repeat(9 << 20);
    Path log = log(List.of(line(0, 200, "\"-\""), huge, line(1, 404, "\"-\""), huge, line(2, 500, "\"-\"")));

    JsonObject json = new JsonObject(livelog("analyze", "--json", "--format", "combined", log.toString()).out());
    assertThat(json.getLong("lines")).isEqualTo(5);
    assertThat(json.getLong("parsed")).isEqualTo(3);
    assertThat(json.getLong("failed")).isEqualTo(2);
    assertThat(json.getJsonObject("status").getMap()).containsEntry("2xx", 1).containsEntry("4xx", 1)
        .containsEntry("5xx", 1);
    var failures = json.getJsonArray("first_failures");
    assertThat(failures).hasSize(2);
    assertThat(failures.getJsonObject(1).getLong("offset"))
        .isEqualTo(Files.readAllLines(log).get(0).length() + 1 + huge.length() + 1
            + Files.readAllLines(log).get(2).length() + 1);
    assertThat(failures.getJsonObject(0).getString("line")).hasSize(2048);
  }
}
