package dev.livelog.parser.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON lines: every key, or a mapping of fields to keys, typed, with the event time found. */
class JsonLineParserTest {
  private final LineParser everyKey = Formats.compile(FormatConfig.of("builtin", "json"));

  @Test
  void everyKeyNestedKeysDottedArraysAsListsNullAbsent() throws LineRejected {
    LogEvent e = everyKey.parse(" {\"@timestamp\": \"2026-11-25T10:00:00.250+01:00\", "
        + "\"upstream\": {\"addr\": \"10.0.0.1:80\", \"time\": 0.012}, \"tags\": [\"a\", 2, [true]],"
        + " \"ok\": false, \"gone\": null, \"big\": 12345678901234567890, \"neg\": -3} ", "s", 5);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T09:00:00.250Z").toEpochMilli());
    assertThat(e.fields()).containsEntry("upstream.addr", "10.0.0.1:80")
        .containsEntry("upstream.time", 0.012).containsEntry("ok", false)
        .containsEntry("big", 1.2345678901234567e19).containsEntry("neg", -3L)
        .containsEntry("tags", List.of("a", 2L, List.of(true)))
        .doesNotContainKey("gone");
    assertThat(e.schema().names()).doesNotContain("gone");
  }

  @Test
  void linesWithOtherKeysGetTheirOwnSchema() throws LineRejected {
    LogEvent a = everyKey.parse("{\"a\":1,\"b\":2}", "s", 0);
    LogEvent b = everyKey.parse("{\"a\":1,\"b\":2}", "s", 1);
    LogEvent c = everyKey.parse("{\"b\":2,\"c\":\"x\"}", "s", 2);
    assertThat(b.schema()).isSameAs(a.schema());
    assertThat(c.schema().names()).containsExactly("b", "c");
    assertThat(everyKey.parse("{\"a\":1,\"b\":2}", "s", 3).schema()).isSameAs(a.schema());
    assertThat(everyKey.schema().names()).containsExactly("a", "b");
  }

  @Test
  void aMappingPicksFieldsDeclaredTypesConvertAndTheTimeFieldIsUsed() throws LineRejected {
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("when", "ts");
    mapping.put("rt", "upstream.response_time");
    mapping.put("code", "status");
    LineParser p = Formats.compile(FormatConfig.of("json", mapping)
        .withTypes(Map.of("rt", "seconds", "code", "int")).withTimeField("when"));
    LogEvent e = p.parse("{\"status\":\"503\",\"ts\":1764064800.5,\"upstream\":"
        + "{\"response_time\":\"0.010, 0.020\"},\"other\":1}", "s", 0);
    assertThat(e.schema().names()).containsExactly("when", "rt", "code");
    assertThat(e.get("code")).isEqualTo(503L);
    assertThat(e.get("rt")).isEqualTo(List.of(0.01, 0.02));
    assertThat(e.get("when")).isEqualTo(Instant.ofEpochMilli(1764064800500L));
    assertThat(e.time()).isEqualTo(1764064800500L);
    LogEvent missing = p.parse("{\"other\":2}", "s", 1);
    assertThat(missing.fields()).isEmpty();
    assertThat(missing.time()).isEqualTo(LogEvent.NO_TIME);
  }

  @Test
  void notOneJsonObjectIsRejectedWhereReadingStopped() {
    for (String bad : List.of("", "[1]", "{\"a\":1", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":1} x",
        "{\"a\":\"open}", "{\"a\":1,}", "{\"a\":1.2.3}")) {
      assertThatThrownBy(() -> everyKey.parse(bad, "s", 0)).as(bad).isInstanceOf(LineRejected.class);
    }
    assertThatThrownBy(() -> everyKey.parse("{\"a\":1} x", "s", 0))
        .isInstanceOfSatisfying(LineRejected.class, r -> assertThat(r.position()).isEqualTo(8));
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    assertThatThrownBy(() -> everyKey.parse(deep, "s", 0)).hasMessageContaining("deeper");
  }

  @Test
  void wrongTypedValuesAndBadMappingsAreNamed() {
    LineParser p = Formats.compile(FormatConfig.of("json", Map.of("code", "status")).withTypes(Map.of("code", "int")));
    assertThatThrownBy(() -> p.parse("{\"status\":\"abc\"}", "s", 0))
        .hasMessageContaining("field 'code'").hasMessageContaining("abc");
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("json", Map.of("code", "status"))
        .withTypes(Map.of("rt", "seconds"))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("types.rt"));
    Map<String, String> blank = new LinkedHashMap<>();
    blank.put("code", " ");
    assertThatThrownBy(() -> Formats.compile(FormatConfig.of("json", blank)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("json.code"));
  }

  @Test
  void escapesNumbersAndNestedValuesAreReadAsJsonSaysAndBadJsonIsRejectedNeverThrown()
      throws LineRejected {
    LogEvent e = everyKey.parse("{\"ua\":\"caf\\u00e9 \\\"q\\\" \\\\ \\/ \\ud83d\\ude00 \\t\","
        + "\"zero\":-0,\"exp\":1e3,\"frac\":-0.25,\"max\":9223372036854775807,"
        + "\"in\":{\"deep\":{\"er\":[{\"k\":[1,2]},\"\\u0041\"]}},\"raw\":\"tab\there\"}", "s", 0);
    assertThat(e.fields()).containsEntry("ua", "caf\u00e9 \"q\" \\ / \ud83d\ude00 \t")
        .containsEntry("zero", 0L).containsEntry("exp", 1000.0).containsEntry("frac", -0.25)
        .containsEntry("max", 9.223372036854776e18)
        .containsEntry("in.deep.er", List.of("{\"k\":[1,2]}", "A"))
        .containsEntry("raw", "tab\there"); // nginx escape=none writes control characters raw
    // nginx's default escaping in a JSON-looking log_format is not JSON: kept, not lost
    assertThat(everyKey.parse("{\"ua\":\"say \\x22hi\\x22\",\"n\":007}", "s", 0).fields())
        .containsEntry("ua", "say \\x22hi\\x22").containsEntry("n", 7L);
    for (String bad : List.of("{\"a\":-}", "{\"a\":NaN}", "{'a':1}", "{\"a\":1}{\"b\":2}",
        "{\"a\":[1,}", "{\"a\":[" + "[".repeat(40), "{\"a\":\"x\\\"}", "{\"a\":1,\"b\"}")) {
      assertThatThrownBy(() -> everyKey.parse(bad, "s", 0)).as(bad).isInstanceOf(LineRejected.class);
    }
  }
}
