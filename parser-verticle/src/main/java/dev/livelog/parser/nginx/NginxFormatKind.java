package dev.livelog.parser.nginx;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.LineParser;

/**
 * {@code nginx: ...}: an nginx {@code log_format}, pasted whole or as its format string; its
 * variables are the fields, typed by their names.
 */
public final class NginxFormatKind implements FormatKind {
  @Override
  public String name() {
    return "nginx";
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    if (!format.types().isEmpty()) {
      throw new ConfigException("types", "types apply to regex and json formats; nginx"
          + " variables are typed by their names");
    }
    String logFormat = format.text("nginx");
    try {
      return new NginxLineParser(NginxLogFormat.parse(logFormat));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("nginx", e.getMessage());
    }
  }

  @Override
  public String definition(FormatConfig format) {
    return "log_format: " + format.settings().get("nginx");
  }
}
