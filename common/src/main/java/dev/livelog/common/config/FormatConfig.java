package dev.livelog.common.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a line: exactly one of a regex with named groups (Java or Python style), an
 * nginx {@code log_format} string, JSON lines ({@code json}: a mapping of field names to the
 * keys that hold them, dots reaching into nested objects; empty to take every key), or a
 * built-in format by name; plus field types (e.g. {@code ups_rt: seconds},
 * {@code time: "%d/%b/%Y:%H:%M:%S %z"}), which field holds the event time, and fields derived
 * from others after parsing ({@code derive}).
 */
public record FormatConfig(
    String regex,
    String nginx,
    String builtin,
    Map<String, String> json,
    Map<String, String> types,
    String timeField,
    Map<String, DeriveConfig> derive) {

  public FormatConfig {
    json = json == null ? null : new LinkedHashMap<>(json);
    types = types == null ? Map.of() : new LinkedHashMap<>(types);
    timeField = timeField == null ? "time" : timeField;
    derive = derive == null ? Map.of() : new LinkedHashMap<>(derive);
  }

  /** A regex, nginx or built-in format without JSON mapping or derived fields. */
  public FormatConfig(String regex, String nginx, String builtin, Map<String, String> types,
      String timeField) {
    this(regex, nginx, builtin, null, types, timeField, null);
  }

  public static FormatConfig builtin(String name) {
    return new FormatConfig(null, null, name, null, null);
  }

  /** JSON lines, with fields taken from the keys {@code fields} names (empty: every key). */
  public static FormatConfig json(Map<String, String> fields, Map<String, String> types) {
    return new FormatConfig(null, null, null, fields == null ? Map.of() : fields, types, null, null);
  }

  /** The same format with fields derived after parsing. */
  public FormatConfig withDerive(Map<String, DeriveConfig> newDerive) {
    return new FormatConfig(regex, nginx, builtin, json, types, timeField, newDerive);
  }
}
