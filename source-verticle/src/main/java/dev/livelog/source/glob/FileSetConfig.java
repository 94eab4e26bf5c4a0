package dev.livelog.source.glob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.SourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keys of a source whose path is a pattern: {@code exclude} (a pattern or a list of them,
 * of paths or of file names), {@code max_files} (how many files are followed at most) and
 * {@code kubernetes} (which pods' container logs, {@link PodSelector}).
 */
public record FileSetConfig(List<String> excludes, int maxFiles, PodSelector pods) {
  /** The keys, for the {@code file} and {@code ssh} kinds. */
  public static final Set<String> KEYS = Set.of("exclude", "max_files", PodSelector.KEY);
  /**
   * Files followed at most by default: each is followed like a source of its own (a thread,
   * a read buffer, batches in flight; over SSH a connection), so a pattern matching thousands
   * of files by mistake must not open them all.
   */
  public static final int DEFAULT_MAX_FILES = 64;

  /**
   * Reads and checks the keys of a source whose {@code path} is a pattern, and the pattern.
   *
   * @throws ConfigException naming the key and the reason
   */
  public static FileSetConfig of(SourceConfig source) {
    String path = source.text("path");
    if (PathGlob.isGlob(path)) {
      try {
        PathGlob.compile(path);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("path", e.getMessage());
      }
    } else {
      for (String key : KEYS) {
        if (source.settings().containsKey(key)) {
          throw new ConfigException(key,
              "only for a path with a pattern (*, ?, [...], {a,b}, **, <name>)");
        }
      }
    }
    return new FileSetConfig(patterns(source.settings().get("exclude"), "exclude"),
        maxFiles(source.settings().get("max_files")),
        PodSelector.of(source.settings().get(PodSelector.KEY)));
  }

  /** A pattern or a list of patterns, each checked, for {@code key}; none when not set. */
  static List<String> patterns(Setting setting, String key) {
    List<String> out = new ArrayList<>();
    if (setting == null || setting.value() == null || setting.value().isNull()) {
      return out;
    }
    JsonNode value = setting.value();
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    for (JsonNode item : items) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new ConfigException(key, "expected a pattern or a list of patterns"
            + setting.where());
      }
      String pattern = item.asText();
      try {
        PathGlob.compile(pattern.startsWith("/") ? pattern : "/" + pattern);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key, "'" + pattern + "': " + e.getMessage() + setting.where());
      }
      out.add(pattern);
    }
    return out;
  }

  private static int maxFiles(Setting setting) {
    if (setting == null || setting.value() == null || setting.value().isNull()) {
      return DEFAULT_MAX_FILES;
    }
    JsonNode value = setting.value();
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
      throw new ConfigException("max_files", "expected a whole number of at least 1, got '"
          + value.asText() + "'" + setting.where());
    }
    return value.asInt();
  }
}
