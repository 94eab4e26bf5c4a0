package dev.livelog.parser;

import static dev.livelog.parser.FormatConfigYamlTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.FormatConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format kinds and built-in formats come from their registries, and errors list them. */
class FormatKindsTest {

  @Test
  void theRegisteredKindsAndBuiltInsAreListedInRegistrationOrder() {
    assertThat(Formats.kinds().names())
        .containsExactly("regex", "nginx", "json", "builtin", "cri", "docker");
    assertThat(Formats.builtins().names())
        .containsExactly("combined", "main", "upstreaminfo", "common", "apache_combined", "json",
            "seed_cache");
  }

  @Test
  void anUnknownKindListsTheRegisteredOnes() {
    ConfigException e = failure("formats: {x: {regexp: '(?P<a>.)'}}");
    assertThat(e.field()).isEqualTo("formats.x.regexp");
    assertThat(e.reason()).isEqualTo("unknown format kind 'regexp'; use one of: regex, nginx, json,"
        + " builtin, cri, docker");
    assertThat(failure("formats: {x: {types: {a: int}}}").getMessage())
        .isEqualTo("formats.x: set exactly one of regex, nginx, json, builtin, cri or docker");
  }

  @Test
  void aKeyOfNoKindOrOfAnotherKindIsNamed() {
    ConfigException e = failure("formats: {x: {regex: '(?P<a>.)', timefield: a}}");
    assertThat(e.field()).isEqualTo("formats.x.timefield");
    assertThat(e.reason()).isEqualTo("not a key of a regex format; its keys: regex, "
        + String.join(", ", FormatConfig.SHARED_KEYS));
  }

  @Test
  void settingsOfTheWrongShapeNameTheirKey() {
    assertThat(failure("formats: {x: {regex: [a, b]}}").getMessage())
        .isEqualTo("formats.x.regex: expected a text value, got a list");
    assertThat(failure("formats: {x: {json: [a]}}").field()).isEqualTo("formats.x.json");
    assertThat(failure("formats: {x: {json: {a: {b: c}}}}").field()).isEqualTo("formats.x.json.a");
    ConfigException builtin = failure("sources: [{id: s, path: /x, format: {builtin: combind}}]");
    assertThat(builtin.field()).isEqualTo("sources[0].format.builtin");
    assertThat(builtin.reason()).startsWith("unknown built-in format 'combind'; use one of: combined,");
  }

  @Test
  void jsonWithoutAMappingTakesEveryKey() throws LineRejected {
    LineParser p = Formats.compile(ConfigLoader.parse("formats: {x: {json: }}").formats().get("x"));
    assertThat(p.parse("{\"a\":1}", "s", 0).fields()).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void theFormatsCommandDefinitionComesFromTheKind() {
    BuiltinFormat combined = Formats.builtins().find("combined").orElseThrow();
    assertThat(Formats.kindOf(combined.config()).definition(combined.config()))
        .startsWith("log_format: $remote_addr - $remote_user");
    BuiltinFormat json = Formats.builtins().find("json").orElseThrow();
    assertThat(Formats.kindOf(json.config()).definition(json.config()))
        .isEqualTo("json: every key of each line's object");
  }
}
