package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;

/**
 * A config read from YAML and validated as {@code livelog} does at start, for config tests
 * here and in the modules that validate their own part of it (formats, sources).
 */
public final class ValidatedYaml {
  private ValidatedYaml() {}

  public static LivelogConfig valid(String yaml) {
    LivelogConfig config = ConfigLoader.parse(yaml);
    StructureValidator.validate(config);
    return config;
  }

  /** Asserts the YAML is refused with an error naming {@code field} and saying {@code reason}. */
  public static void rejects(String yaml, String field, String reason) {
    assertThatThrownBy(() -> valid(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.reason()).contains(reason);
    });
  }

  /** The error the YAML gets from loading and structure validation; fails the test without one. */
  public static ConfigException failure(String yaml) {
    return failure(yaml, StructureValidator::validate);
  }

  /** The error the YAML gets from loading and {@code validation}; fails the test without one. */
  public static ConfigException failure(String yaml, Consumer<LivelogConfig> validation) {
    return assertThrows(ConfigException.class, () -> validation.accept(ConfigLoader.parse(yaml)),
        () -> "expected a config error for:\n" + yaml);
  }
}
