package dev.livelog.parser.builtin;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.BuiltinFormat;

/** A built-in format that is an nginx {@code log_format} string. */
abstract class NginxBuiltin implements BuiltinFormat {
  private final String name;
  private final String description;
  private final FormatConfig config;

  NginxBuiltin(String name, String description, String logFormat) {
    this.name = name;
    this.description = description;
    this.config = FormatConfig.of("nginx", logFormat);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public FormatConfig config() {
    return config;
  }
}
