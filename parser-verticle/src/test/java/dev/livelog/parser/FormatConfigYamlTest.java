package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.ValidatedYaml;
import dev.livelog.common.event.LogEvent;
import org.junit.jupiter.api.Test;

/** Formats as a user writes them in livelog.yaml, and the errors they get: field and reason. */
class FormatConfigYamlTest {

  /** The config error a YAML config gets from loading and format validation. */
  static ConfigException failure(String yaml) {
    return ValidatedYaml.failure(yaml, Formats::validate);
  }

  @Test
  void jsonMappingsDerivedFieldsAndPastedLogFormatsLoad() throws LineRejected {
    LivelogConfig c = ConfigLoader.parse("""
        formats:
          api:
            json: {code: status, rt: upstream.response_time, at: time}
            types: {rt: seconds}
            time_field: at
            derive:
              slow: {from: rt, regex: '^(?:[1-9]|0\\.[5-9])', value: "1", else: "0", type: bool}
          timed:
            nginx: |
              log_format timed '$remote_addr [$time_local] "$request" $status rt=$request_time';
            derive:
              media: {from: path, regex: '\\.(?:jpe?g|png)$', value: "1", else: "0"}
        sources:
          - {id: a, path: /tmp/a.log, format: api}
          - {id: b, path: /tmp/b.log, format: {builtin: json, types: {ms: epoch}, time_field: ms}}
        """);
    Formats.validate(c);
    LogEvent api = Formats.forSource(c.sources().get(0), c).parse(
        "{\"status\":502,\"upstream\":{\"response_time\":\"0.75\"},\"time\":\"2026-11-25T10:00:00Z\"}", "a", 0);
    assertThat(api.fields()).containsEntry("code", 502L).containsEntry("rt", 0.75)
        .containsEntry("slow", true);
    LogEvent timed = Formats.compile(c.formats().get("timed")).parse(
        "1.2.3.4 [10/Oct/2000:13:55:36 +0000] \"GET /a.png HTTP/1.1\" 200 rt=0.003", "t", 0);
    assertThat(timed.fields()).containsEntry("media", "1").containsEntry("request_time", 0.003);
    LogEvent typed = Formats.forSource(c.sources().get(1), c).parse("{\"ms\":\"1764064800.5\"}", "b", 0);
    assertThat(typed.time()).isEqualTo(1764064800500L);
  }

  @Test
  void errorsNameTheFieldAndTheReason() {
    assertThat(failure("formats: {x: {json: {a: b}, regex: '(?P<a>.)'}}").getMessage())
        .isEqualTo("formats.x: set exactly one of regex, nginx, json, builtin, cri or docker");
    assertThat(failure("formats: {x: {nginx: '$status', types: {status: int}}}").field())
        .isEqualTo("formats.x.types");
    assertThat(failure("formats: {x: {builtin: combined, types: {status: int}}}").field())
        .isEqualTo("formats.x.types");
    ConfigException unknownFrom = failure("""
        formats:
          x:
            regex: '(?P<path>\\S+)'
            derive: {m: {from: pth, regex: x}}
        """);
    assertThat(unknownFrom.field()).isEqualTo("formats.x.derive.m.from");
    assertThat(unknownFrom.reason()).contains("no field 'pth'").contains("path");
    assertThat(failure("formats: {x: {json: {}, derive: {m: {from: a, regex: '(x'}}}}").field())
        .isEqualTo("formats.x.derive.m.regex");
    assertThat(failure("formats: {x: {json: {}, types: {t: 'fortnights'}}}").field())
        .isEqualTo("formats.x.types.t");
    assertThat(failure("""
        sources: [{id: s, path: /tmp/x, format: {json: {code: ''}}}]
        """).field()).isEqualTo("sources[0].format.json.code");
    assertThatThrownBy(() -> ConfigLoader.parse("formats: {x: {json: {}, derive: {m: {from: a, regexp: x}}}}"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("formats.x.derive.m.regexp");
          assertThat(e.reason()).contains("unknown key").contains("else");
        });
  }
}
