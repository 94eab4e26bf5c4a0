package dev.livelog.common.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One followed log: what every source has (an id, a format, an encoding, whether to read from
 * the start or the end), its {@code kind}, and the keys that kind reads ({@code path},
 * {@code host}, {@code command}, ...), kept as {@link Setting}s. The source kinds are
 * registered in {@code source-verticle}; there each kind says which keys it takes, checks
 * them, and tells a source without {@code kind} from its keys.
 */
public record SourceConfig(
    String id,
    String kind,
    FormatRef format,
    String encoding,
    String from,
    @JsonAnySetter Map<String, Setting> settings) {

  /** The keys every source has, whatever its kind. */
  public static final Set<String> COMMON_KEYS = Set.of("id", "kind", "format", "encoding", "from");

  public SourceConfig {
    encoding = encoding == null ? "UTF-8" : encoding;
    from = from == null ? "end" : from;
    settings = Setting.copy(settings);
  }

  /** A source of the given kind with text settings, e.g. {@code path} for a {@code file}. */
  public static SourceConfig of(String id, String kind, String format, String from,
      Map<String, String> texts) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    texts.forEach((key, text) -> settings.put(key, Setting.of(text)));
    return new SourceConfig(id, kind, FormatRef.named(format), null, from, settings);
  }

  /** A local file (the {@code file} kind's {@code path}), as the demo and tests use it. */
  public static SourceConfig file(String id, String path, String format, String from) {
    return of(id, null, format, from, Map.of("path", path));
  }

  /**
   * The text of a key of the source's kind, or null when it is absent.
   *
   * @throws ConfigException on the key when it is a list or a mapping
   */
  public String text(String key) {
    return Setting.text(settings, key);
  }

  /** Whether a key of the source's kind is set to something other than blanks. */
  public boolean has(String key) {
    String text = text(key);
    return text != null && !text.isBlank();
  }

  public boolean fromStart() {
    return "start".equals(from);
  }
}
