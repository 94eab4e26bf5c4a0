package dev.livelog.source.file;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code file}: a local file ({@code path}, {@code ~/} for the home directory), followed by {@link FileTailSource}. */
public final class FileSourceKind implements SourceKind {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public Set<String> keys() {
    return Set.of("path");
  }

  @Override
  public String mainKey() {
    return "path";
  }

  /** A {@code path} on no {@code host}; {@code -} is standard input. */
  @Override
  public boolean recognises(SourceConfig source) {
    return source.has("path") && !"-".equals(source.text("path")) && !source.has("host");
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    if (!source.has("path")) {
      throw new ConfigException("path", "required (the file to follow)");
    }
    if ("-".equals(source.text("path"))) {
      throw new ConfigException("path", "'-' is standard input: use kind: stdin");
    }
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    Path path = ConfigPaths.of(source.text("path"));
    boolean fromStart = source.fromStart();
    return () -> new FileTailSource(path, fromStart);
  }

  @Override
  public Optional<Path> sampleFile(SourceConfig source) {
    return Optional.of(ConfigPaths.of(source.text("path")));
  }
}
