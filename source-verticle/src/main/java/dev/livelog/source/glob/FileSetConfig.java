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
 * of paths or of file names) and {@code max_files} (how many files are followed at most).
 */
public record FileSetConfig(List<String> excludes, int maxFiles) {
  /** The keys, for the {@code file} and {@code ssh} kinds. */
  public static final Set<String> KEYS = Set.of("exclude", "max_files");
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
    } else if (source.has("exclude") || source.has("max_files")) {
      throw new ConfigException(source.has("exclude") ? "exclude" : "max_files",
          "only for a path with a pattern (*, ?, [...], {a,b}, **, <name>)");
    }
    return new FileSetConfig(excludes(source.settings().get("exclude")),
        maxFiles(source.settings().get("max_files")));
  }

  private static List<String> excludes(Setting setting) {
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
        throw new ConfigException("exclude", "expected a pattern or a list of patterns"
            + setting.where());
      }
      String pattern = item.asText();
      try {
        PathGlob.compile(pattern.startsWith("/") ? pattern : "/" + pattern);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("exclude", "'" + pattern + "': " + e.getMessage() + setting.where());
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
