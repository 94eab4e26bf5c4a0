package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AlertBoardTest {
  private static JsonObject alert(String fingerprint, String state) {
    return new JsonObject().put("fingerprint", fingerprint).put("rule", "r-" + fingerprint).put("state", state);
  }

  private static String states(JsonObject snapshot) {
    JsonArray alerts = snapshot.getJsonArray("alerts");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < alerts.size(); i++) {
      JsonObject a = alerts.getJsonObject(i);
      out.append(a.getString("fingerprint")).append(':').append(a.getString("state"))
          .append(a.getBoolean("stale", false) ? "(stale)" : "").append(' ');
    }
    return out.toString().strip();
  }

  @Test
  void firingFirstThenPendingThenResolvedNewestFirst() {
    AlertBoard board = new AlertBoard();
    board.update(alert("a", "resolved"), 1_000);
    board.update(alert("b", "pending"), 1_000);
    board.update(alert("c", "firing"), 1_000);
    board.update(alert("d", "resolved"), 2_000);
    board.update(alert("e", "pending"), 2_000);
    board.update(alert("e", "inactive"), 2_500);
    JsonObject snapshot = board.snapshot(3_000);
    assertThat(states(snapshot)).isEqualTo("c:firing b:pending d:resolved a:resolved");
    assertThat(snapshot.getLong("firing")).isEqualTo(1);
    assertThat(snapshot.getLong("pending")).isEqualTo(1);
  }

  @Test
  void anAlertNobodyRepeatsGoesStaleThenAwayAndResolvedOnesAfterAnHour() {
    AlertBoard board = new AlertBoard();
    board.update(alert("a", "firing"), 0);
    board.update(alert("b", "resolved"), 0);
    assertThat(states(board.snapshot(AlertBoard.STALE_MS))).isEqualTo("a:firing b:resolved");
    assertThat(states(board.snapshot(AlertBoard.STALE_MS + 1))).isEqualTo("a:firing(stale) b:resolved");
    assertThat(states(board.snapshot(AlertBoard.FORGET_STALE_MS + 1))).isEqualTo("b:resolved");
    assertThat(states(board.snapshot(AlertBoard.KEEP_RESOLVED_MS + 1))).isEmpty();
  }

  @Test
  void keepsAtMostItsShareOfResolvedAlerts() {
    AlertBoard board = new AlertBoard();
    for (int i = 0; i < AlertBoard.MAX_RESOLVED + 10; i++) {
      board.update(alert("r" + i, "resolved"), i);
    }
    JsonArray alerts = board.snapshot(1_000).getJsonArray("alerts");
    assertThat(alerts).hasSize(AlertBoard.MAX_RESOLVED);
    assertThat(alerts.getJsonObject(0).getString("fingerprint")).isEqualTo("r" + (AlertBoard.MAX_RESOLVED + 9));
  }
}
