package dev.livelog.app;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.FileTailSource;
import dev.livelog.source.LineSource;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Chooses the {@link LineSource} a source's config describes. */
final class SourceFactory {
  private SourceFactory() {}

  static Supplier<LineSource> forSource(SourceConfig source, LivelogConfig config) {
    if (source.host() != null || source.command() != null) {
      throw new ConfigException("sources." + source.id(),
          "SSH and command sources are not available in this build");
    }
    Path path = Path.of(expandHome(source.path()));
    return () -> new FileTailSource(path, source.fromStart());
  }

  static void validate(LivelogConfig config) {
    for (int i = 0; i < config.sources().size(); i++) {
      try {
        forSource(config.sources().get(i), config);
      } catch (ConfigException e) {
        throw new ConfigException("sources[" + i + "]", e.reason());
      }
    }
  }

  static String expandHome(String path) {
    return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
  }
}
