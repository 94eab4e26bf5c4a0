package dev.livelog.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value of a key that belongs to a kind rather than to its section (a source's
 * {@code path} or {@code command}, a store's {@code mongo}), kept as YAML gave it until the
 * kind reads it, with the line it was on so that the kind's errors can say where.
 *
 * @param line the line in the config file, or 0 when unknown (a config built in code, or read
 *     after {@code ${VAR}} substitution)
 */
public record Setting(JsonNode value, int line) {

  /** A value built in code, e.g. the {@code path} of a demo's file source. */
  public static Setting of(String text) {
    return new Setting(JsonNodeFactory.instance.textNode(text), 0);
  }

  /** {@code " (line 3)"}, or nothing when the line is not known. */
  public String where() {
    return line > 0 ? " (line " + line + ")" : "";
  }

  /**
   * The value as text (a number or {@code true} as written), or null when it is null.
   *
   * @throws ConfigException on {@code key} when it is a list or a mapping
   */
  public String text(String key) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new ConfigException(key, "expected a text value" + where());
    }
    return value.asText();
  }

  /**
   * The value read as {@code type} (a record of the kind's own keys), with the loader's error
   * messages (unknown keys, wrong types) naming fields under {@code key}.
   */
  public <T> T as(String key, Class<T> type) {
    try {
      return ConfigLoader.bind(value, type);
    } catch (ConfigException e) {
      throw e.under(key);
    }
  }

  /**
   * Checks that a section has only keys that are {@code allowed}.
   *
   * @param whose said after "unknown key", e.g. {@code " for a file source"}, or empty
   * @throws ConfigException on the first other key, with its line and the allowed keys
   */
  public static void onlyKeys(Map<String, Setting> settings, Set<String> allowed, String whose) {
    for (Map.Entry<String, Setting> key : settings.entrySet()) {
      if (!allowed.contains(key.getKey())) {
        throw new ConfigException(key.getKey(), "unknown key" + whose + key.getValue().where()
            + "; expected one of: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** The text of {@code key} among a section's settings, or null when absent. */
  static String text(Map<String, Setting> settings, String key) {
    Setting setting = settings.get(key);
    return setting == null ? null : setting.text(key);
  }

  /** A section's settings without null values (a key written with no value is not set). */
  static Map<String, Setting> copy(Map<String, Setting> settings) {
    Map<String, Setting> out = new LinkedHashMap<>();
    if (settings != null) {
      settings.forEach((key, setting) -> {
        if (setting != null && setting.value() != null && !setting.value().isNull()) {
          out.put(key, setting);
        }
      });
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
