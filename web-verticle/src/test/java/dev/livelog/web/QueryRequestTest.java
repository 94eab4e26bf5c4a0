package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryRequestTest {
  private static final long NOW = 1_764_064_800_000L; // 2025-11-25T10:00:00Z

  private static QueryRequest parse(String... pairs) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return QueryRequest.parse(params::get, NOW);
  }

  @Test
  void readsIsoTimesEpochMillisAndADurationStep() {
    QueryRequest r = parse("group", "cache0", "from", "2025-11-25T09:00:00Z",
        "to", String.valueOf(NOW), "step", "5m");
    assertThat(r).isEqualTo(new QueryRequest("cache0", NOW - 3_600_000, NOW, 300_000L, null));
    assertThat(parse("group", "g", "from", "2025-11-25T10:00:00+01:00", "step", "1m").from())
        .isEqualTo(NOW - 3_600_000);
  }

  @Test
  void fromMayBeADurationBeforeNowAndToDefaultsToNow() {
    QueryRequest r = parse("group", "g", "from", "-1h");
    assertThat(r.from()).isEqualTo(NOW - 3_600_000);
    assertThat(r.to()).isEqualTo(NOW);
    assertThat(r.toJson().getLong("to")).isEqualTo(NOW);
  }

  @Test
  void withoutAStepTheAnalyzerChoosesIt() {
    assertThat(parse("group", "g", "from", "-1h").toJson().containsKey("step")).isFalse();
  }

  @Test
  void valuesThatDoNotFitAreA400NamingTheParameterNeverAWrapAround() {
    // The request: the duration saturated and the range overflowed into a 200.
    assertThatThrownBy(() -> parse("group", "g", "from", "-9999999999999d", "to", "9223372036854775807"))
        .hasMessageContaining("'from'").hasMessageContaining("-9999999999999d");
    // An extreme ISO year parses but has no epoch millisecond: it was a 500.
    assertThatThrownBy(() -> parse("group", "g", "from", "+999999999-01-01T00:00:00Z"))
        .hasMessageContaining("'from'");
    assertThatThrownBy(() -> parse("group", "g", "from", "-1h", "to", "-999999999-01-01T00:00:00+01:00"))
        .hasMessageContaining("'to'");
    assertThatThrownBy(() -> parse("group", "g", "from", "99999999999999999999"))
        .hasMessageContaining("'from'");
    assertThatThrownBy(() -> parse("group", "g", "from", "-1h", "step", "9999999999999d"))
        .hasMessageContaining("'step'").hasMessageContaining("too long");
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> parse("from", "-1h")).hasMessageContaining("'group'");
    assertThatThrownBy(() -> parse("group", "g")).hasMessageContaining("'from'");
    assertThatThrownBy(() -> parse("group", "g", "from", "yesterday")).hasMessageContaining("'from'")
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> parse("group", "g", "from", "2025-11-25T09:00:00"))
        .hasMessageContaining("with an offset");
    assertThatThrownBy(() -> parse("group", "g", "from", "-1h", "step", "soon"))
        .hasMessageContaining("'step'").hasMessageContaining("soon");
  }
}
