package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A config read from YAML and validated as {@code livelog} does at start, for config tests. */
final class ValidatedYaml {
  private ValidatedYaml() {}

  static LivelogConfig valid(String yaml) {
    LivelogConfig config = ConfigLoader.parse(yaml);
    StructureValidator.validate(config);
    return config;
  }

  /** Asserts the YAML is refused with an error naming {@code field} and saying {@code reason}. */
  static void rejects(String yaml, String field, String reason) {
    assertThatThrownBy(() -> valid(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.reason()).contains(reason);
    });
  }
}
