package dev.livelog.common.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a line: exactly one of a regex with named groups (Java or Python style), an
 * nginx {@code log_format} string, or a built-in format by name; plus field types for regex
 * groups (e.g. {@code ups_rt: seconds}, {@code time: "%d/%b/%Y:%H:%M:%S %z"}) and which field
 * holds the event time.
 */
public record FormatConfig(
    String regex,
    String nginx,
    String builtin,
    Map<String, String> types,
    String timeField) {

  public FormatConfig {
    types = types == null ? Map.of() : new LinkedHashMap<>(types);
    timeField = timeField == null ? "time" : timeField;
  }

  public static FormatConfig builtin(String name) {
    return new FormatConfig(null, null, name, null, null);
  }
}
