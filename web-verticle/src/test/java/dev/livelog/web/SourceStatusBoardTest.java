package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SourceStatusBoardTest {
  private final SourceStatusBoard board = new SourceStatusBoard();

  private static JsonObject status(String id, long time, long linesSent) {
    return new JsonObject().put("id", id).put("host", "ng1").put("path", "/var/log/a.log")
        .put("state", "streaming").put("linesSent", linesSent).put("time", time);
  }

  @Test
  void keepsTheLatestStatusPerSourceSortedById() {
    board.update(status("b", 1_000, 10), 1_000);
    board.update(status("a", 1_000, 5), 1_000);
    board.update(status("b", 3_000, 30).put("state", "backing-off"), 3_000);
    JsonArray rows = board.snapshot(4_000);
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("id"))).containsExactly("a", "b");
    assertThat(rows.getJsonObject(1).getString("state")).isEqualTo("backing-off");
    assertThat(rows.getJsonObject(1).getLong("ageMs")).isEqualTo(1_000);
  }

  @Test
  void linesPerSecondComeFromTheGrowthOfLinesSent() {
    board.update(status("a", 10_000, 100), 10_000);
    assertThat(rate()).isNull();
    board.update(status("a", 12_000, 500), 12_000);
    assertThat(rate()).isEqualTo(200.0);
  }

  @Test
  void statusesCloseTogetherDoNotMakeTheRateJump() {
    board.update(status("a", 10_000, 100), 10_000);
    board.update(status("a", 12_000, 500), 12_000);
    board.update(status("a", 12_010, 600), 12_010);
    assertThat(rate()).isEqualTo(200.0);
    board.update(status("a", 13_000, 700), 13_000);
    assertThat(rate()).isEqualTo(200.0);
  }

  @Test
  void aSourceThatStartedOverHasNoRateUntilTheNextSpan() {
    board.update(status("a", 10_000, 100), 10_000);
    board.update(status("a", 12_000, 500), 12_000);
    board.update(status("a", 13_000, 3), 13_000);
    assertThat(rate()).isNull();
    board.update(status("a", 15_000, 403), 15_000);
    assertThat(rate()).isEqualTo(200.0);
  }

  @Test
  void aStatusWithoutIdIsIgnored() {
    board.update(new JsonObject().put("state", "streaming"), 1_000);
    assertThat(board.snapshot(1_000)).isEmpty();
  }

  private Double rate() {
    return board.snapshot(20_000).getJsonObject(0).getDouble("linesPerSecond");
  }
}
