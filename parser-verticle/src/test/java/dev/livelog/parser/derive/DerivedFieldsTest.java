package dev.livelog.parser.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.DeriveConfig;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Post-processing: fields derived from others after parsing, as the seed's post_process did. */
class DerivedFieldsTest {
  private static final String LINE = "10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "
      + "\"GET %s HTTP/1.1\" 200 5 \"-\" \"curl\"";

  private static LineParser combinedWith(Map<String, DeriveConfig> derive) {
    return Formats.compile(FormatConfig.of("builtin", "combined").withDerive(derive));
  }

  @Test
  void mediaFromThePathWithElseAndType() throws LineRejected {
    LineParser p = combinedWith(Map.of("media",
        new DeriveConfig("path", "\\.(jpe?g|png|gif|css|js)$", "1", "0", "int")));
    assertThat(p.parse(LINE.formatted("/img/logo.png"), "s", 0).get("media")).isEqualTo(1L);
    assertThat(p.parse(LINE.formatted("/blog/post-1/"), "s", 0).get("media")).isEqualTo(0L);
    assertThat(p.schema().names()).endsWith("media");
  }

  @Test
  void groupsFillTheValueAndLaterFieldsUseEarlierOnes() throws LineRejected {
    Map<String, DeriveConfig> derive = new LinkedHashMap<>();
    derive.put("section", new DeriveConfig("path", "^/(?P<top_dir>[^/]+)/", null, null, null));
    derive.put("label", new DeriveConfig("section", "(?P<name>.+)", "section=${name}", "none", null));
    derive.put("year", new DeriveConfig("path", "/(\\d{4})/", null, null, "int"));
    LineParser p = Formats.compile(FormatConfig.of("builtin", "combined").withDerive(derive));
    LogEvent e = p.parse(LINE.formatted("/blog/2026/post"), "s", 0);
    assertThat(e.get("section")).isEqualTo("blog");
    assertThat(e.get("year")).isEqualTo(2026L);
    LogEvent root = p.parse(LINE.formatted("/"), "s", 0);
    assertThat(root.get("section")).isNull();
    assertThat(root.get("year")).isNull();
    assertThat(e.get("label")).isEqualTo("section=blog");
    assertThat(root.get("label")).isEqualTo("none");
  }

  @Test
  void derivingReplacesAFieldAndWorksOnJsonLines() throws LineRejected {
    LineParser p = Formats.compile(FormatConfig.of("builtin", "json").withDerive(Map.of(
        "host", new DeriveConfig("host", "^www\\.(.*)", null, null, null))));
    assertThat(p.parse("{\"host\":\"www.example.com\"}", "s", 0).get("host")).isEqualTo("example.com");
    assertThat(p.parse("{\"other\":1}", "s", 0).get("host")).isNull();
  }

  @Test
  void aValueThatIsNotOfItsTypeRejectsTheLine() {
    LineParser p = combinedWith(Map.of("n", new DeriveConfig("path", "/(\\w+)", null, null, "int")));
    assertThatThrownBy(() -> p.parse(LINE.formatted("/abc"), "s", 0))
        .isInstanceOf(LineRejected.class).hasMessageContaining("derived field 'n'");
  }

  @Test
  void configErrorsNameTheSubField() {
    assertField(Map.of("m", new DeriveConfig("pth", "x", null, null, null)), "derive.m.from", "no field 'pth'");
    assertField(Map.of("m", new DeriveConfig(null, "x", null, null, null)), "derive.m.from", "required");
    assertField(Map.of("m", new DeriveConfig("path", "(x", null, null, null)), "derive.m.regex", "invalid regex");
    assertField(Map.of("m", new DeriveConfig("path", "x", "$2", null, null)), "derive.m.value", "$2");
    assertField(Map.of("m", new DeriveConfig("path", "(?P<a>x)", "${b}", null, null)), "derive.m.value", "${b}");
    assertField(Map.of("m", new DeriveConfig("path", "x", null, null, "colour")), "derive.m.type", "colour");
    assertField(Map.of("m", new DeriveConfig("path", "x", null, "abc", "int")), "derive.m.else", "abc");
  }

  private static void assertField(Map<String, DeriveConfig> derive, String field, String reason) {
    assertThatThrownBy(() -> combinedWith(derive))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).contains(reason);
        });
  }
}
