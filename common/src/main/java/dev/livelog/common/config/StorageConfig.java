package dev.livelog.common.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Where events and datapoints are kept: the store {@code kind} (told from the keys when not
 * named: the store kinds are registered in {@code store}, e.g. {@code mongo: {uri}} for MongoDB
 * and {@code data_dir} for the embedded store), and how long raw events are kept
 * ({@code retention}). The keys of the kinds are kept as {@link Setting}s until the kind reads
 * them. {@code LIVELOG_MONGO_URI} in the environment fills {@code mongo.uri}, so that the
 * credentials it holds need not be in the file.
 */
public record StorageConfig(String kind, Duration retention,
    @JsonAnySetter Map<String, Setting> settings) {

  public static final String MONGO_URI_ENV = "LIVELOG_MONGO_URI";

  /** The keys the storage section has, whatever its kind. */
  public static final Set<String> COMMON_KEYS = Set.of("kind", "retention");

  public StorageConfig {
    retention = retention == null ? Duration.ofDays(7) : retention;
    settings = Setting.copy(settings);
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null);
  }

  /** The text of a key of the store's kind, or null when it is absent. */
  public String text(String key) {
    return Setting.text(settings, key);
  }

  /** The same storage with a key of its kind set (or replaced). */
  public StorageConfig with(String key, Setting value) {
    Map<String, Setting> changed = new java.util.LinkedHashMap<>(settings);
    changed.put(key, value);
    return new StorageConfig(kind, retention, changed);
  }
}
