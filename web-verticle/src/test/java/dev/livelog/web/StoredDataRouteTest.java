package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredDataRouteTest {
  @Test
  void aBaselineIsNotSplit() {
    assertThatThrownBy(() -> StoredDataRoute.BASELINE.refuseOthers(Map.of("split", "host")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'split' is not a parameter of /api/baseline: baselines are not split")
        .hasMessageEndingWith("/api/baseline takes group, offset, from, to, step");
  }

  @Test
  void eachRouteRefusesTheParametersOfTheOthersSayingWhichTakeThem() {
    assertThatThrownBy(() -> StoredDataRoute.QUERY.refuseOthers(Map.of("where", "status >= 500")::get))
        .hasMessageStartingWith("'where' is not a parameter of /api/query: /api/events takes it;");
    assertThatThrownBy(() -> StoredDataRoute.QUERY.refuseOthers(Map.of("offset", "1d")::get))
        .hasMessageStartingWith("'offset' is not a parameter of /api/query: /api/baseline takes it;");
    assertThatThrownBy(() -> StoredDataRoute.EVENTS.refuseOthers(Map.of("step", "5s")::get))
        .hasMessageStartingWith("'step' is not a parameter of /api/events: /api/query and /api/baseline take it;");
    assertThatThrownBy(() -> StoredDataRoute.BASELINE.refuseOthers(Map.of("series", "MISS")::get))
        .hasMessageStartingWith("'series' is not a parameter of /api/baseline: /api/events takes it;");
  }

  @Test
  void ownParametersOtherNamesAndBlankValuesPass() {
    Map<String, String> query = Map.of("group", "g", "from", "-1h", "to", "now", "step", "5s", "split", "host",
        "_", "1764064800000", "where", "");
    assertThatCode(() -> StoredDataRoute.QUERY.refuseOthers(query::get)).doesNotThrowAnyException();
    Map<String, String> events = Map.of("group", "g", "series", "MISS", "from", "-1h", "to", "now",
        "where", "status >= 500", "limit", "5", "after", "abc", "split", "host");
    assertThatCode(() -> StoredDataRoute.EVENTS.refuseOthers(events::get)).doesNotThrowAnyException();
    Map<String, String> baseline = Map.of("group", "g", "offset", "1d", "from", "-1h", "to", "now", "step", "5s",
        "split", " ");
    assertThatCode(() -> StoredDataRoute.BASELINE.refuseOthers(baseline::get)).doesNotThrowAnyException();
  }
}
