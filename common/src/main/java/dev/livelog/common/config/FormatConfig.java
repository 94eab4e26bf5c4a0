package dev.livelog.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to read a line: the settings of one format kind, keyed as in the config (the key naming
 * the kind, e.g. {@code regex: ...}, {@code nginx: ...}, {@code json: {...}} or
 * {@code builtin: combined}, and any further keys that kind reads), plus what every kind
 * shares: field types (e.g. {@code ups_rt: seconds}, {@code time: "%d/%b/%Y:%H:%M:%S %z"}),
 * which field holds the event time, and fields derived from others after parsing
 * ({@code derive}). Which kinds exist and what their settings mean is the parser's registry's
 * business: here settings stay as the YAML gave them (text, numbers, mappings, lists), so a new
 * format kind needs no change to the config model.
 */
public record FormatConfig(
    Map<String, Object> settings,
    Map<String, String> types,
    String timeField,
    Map<String, DeriveConfig> derive) {

  /** The keys every format kind accepts; the others are the kind's own. */
  public static final Set<String> SHARED_KEYS = Set.of("types", "time_field", "derive");

  public FormatConfig {
    settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    types = types == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(types));
    timeField = timeField == null ? "time" : timeField;
    derive = derive == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(derive));
  }

  /** A format of one kind given by one setting, e.g. {@code of("regex", "(?P<status>\\d+)")}. */
  public static FormatConfig of(String kind, Object setting) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(kind, setting);
    return new FormatConfig(settings, null, null, null);
  }

  /** The same format with these declared types. */
  public FormatConfig withTypes(Map<String, String> newTypes) {
    return new FormatConfig(settings, newTypes, timeField, derive);
  }

  /** The same format with the event time in another field. */
  public FormatConfig withTimeField(String newTimeField) {
    return new FormatConfig(settings, types, newTimeField, derive);
  }

  /** The same format with fields derived after parsing. */
  public FormatConfig withDerive(Map<String, DeriveConfig> newDerive) {
    return new FormatConfig(settings, types, timeField, newDerive);
  }

  /**
   * A setting that must be text.
   *
   * @throws ConfigException naming the key when it is missing or not text
   */
  public String text(String key) {
    Object value = settings.get(key);
    if (!(value instanceof String s)) {
      throw new ConfigException(key, value == null ? "required (a text value)"
          : "expected a text value, got " + shape(value));
    }
    return s;
  }

  /**
   * A setting that must be a mapping of names to text values (absent or empty: an empty map).
   * A name without a value maps to null, for the kind to say what it expected there.
   *
   * @throws ConfigException naming the key (or the key and the name) when it is not
   */
  public Map<String, String> textMapping(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(key, "expected a mapping of names to text values, got " + shape(value));
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((name, v) -> {
      if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
        throw new ConfigException(key + "." + name, "expected a text value, got " + shape(v));
      }
      out.put(String.valueOf(name), v == null ? null : v.toString());
    });
    return out;
  }

  /**
   * A setting that names a format or writes one inline, as a source's {@code format} does: for
   * a kind that wraps another format (a container envelope around nginx lines).
   *
   * @throws ConfigException naming the key (and the field inside it) when it is neither
   */
  public FormatRef formatRef(String key) {
    Object value = settings.get(key);
    if (value instanceof String name) {
      return FormatRef.named(name);
    }
    if (value instanceof Map<?, ?>) {
      return FormatRef.inline(ConfigLoader.convert(key, value, FormatConfig.class));
    }
    throw new ConfigException(key, "expected a format name or a mapping such as {regex: ...},"
        + " got " + (value == null ? "nothing" : shape(value)));
  }

  private static String shape(Object value) {
    return value instanceof Map ? "a mapping" : value instanceof java.util.List ? "a list"
        : "'" + value + "'";
  }
}
