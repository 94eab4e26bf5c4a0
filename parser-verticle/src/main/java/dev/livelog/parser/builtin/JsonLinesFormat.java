package dev.livelog.parser.builtin;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.BuiltinFormat;
import java.util.Map;

/** {@code json}: one JSON object per line, every key a field. */
public final class JsonLinesFormat implements BuiltinFormat {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public String description() {
    return "one JSON object per line (e.g. nginx escape=json); every key is a field, nested keys"
        + " dotted";
  }

  @Override
  public FormatConfig config() {
    return FormatConfig.of("json", Map.of());
  }
}
