package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A format's settings as the loader keeps them, read by the kinds with field and reason. */
class FormatConfigTest {

  @Test
  void sharedKeysAreTypedAndTheRestIsTheKindsAsWritten() {
    FormatConfig f = ConfigLoader.parse("""
        formats:
          x: {csv: {columns: [a, b], quote: "'"}, types: {a: int}, time_field: b}
        """).formats().get("x");
    assertThat(f.settings()).containsOnlyKeys("csv");
    assertThat(f.settings().get("csv")).isEqualTo(Map.of("columns", List.of("a", "b"), "quote", "'"));
    assertThat(f.types()).isEqualTo(Map.of("a", "int"));
    assertThat(f.timeField()).isEqualTo("b");
  }

  @Test
  void typedReadsNameTheKey() {
    FormatConfig f = FormatConfig.of("regex", List.of("a"));
    assertThatThrownBy(() -> f.text("regex")).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.getMessage()).isEqualTo("regex: expected a text value, got a list"));
    assertThatThrownBy(() -> FormatConfig.of("json", Map.of("a", List.of())).textMapping("json"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("json.a"));
    assertThat(FormatConfig.of("json", null).textMapping("json")).isEmpty();
  }

  @Test
  void aWrappedFormatIsANameOrAnInlineFormat() {
    FormatConfig envelope = ConfigLoader.parse("""
        formats:
          a: {cri: combined}
          b: {cri: {regex: '(?P<x>.)', types: {x: int}, derive: {y: {from: x, regex: '1'}}}}
          c: {cri: {regex: x, derive: {y: {from: x, regexp: '1'}}}}
        """).formats().get("b");
    FormatRef inner = envelope.formatRef("cri");
    assertThat(inner.inline().settings()).isEqualTo(Map.of("regex", "(?P<x>.)"));
    assertThat(inner.inline().types()).isEqualTo(Map.of("x", "int"));
    assertThat(inner.inline().derive().get("y").from()).isEqualTo("x");
    LivelogConfig c = ConfigLoader.parse("formats: {a: {cri: combined}, c: {cri: {derive: {y: {regexp: '1'}}}}}");
    assertThat(c.formats().get("a").formatRef("cri").name()).isEqualTo("combined");
    assertThatThrownBy(() -> c.formats().get("c").formatRef("cri"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("cri.derive.y.regexp");
          assertThat(e.reason()).contains("unknown key");
        });
    assertThatThrownBy(() -> FormatConfig.of("cri", 3).formatRef("cri"))
        .hasMessage("cri: expected a format name or a mapping such as {regex: ...}, got '3'");
  }
}
