package dev.livelog.source.file;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.ContainerStream;
import dev.livelog.source.LineSource;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.glob.Discovery;
import dev.livelog.source.glob.FileSetConfig;
import dev.livelog.source.glob.FileSetSelection;
import dev.livelog.source.glob.LocalFiles;
import dev.livelog.source.glob.PathGlob;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code file}: a local file ({@code path}, {@code ~/} for the home directory), followed by
 * {@link FileTailSource}; or the files a path pattern matches ({@code exclude},
 * {@code max_files}), each followed the same way.
 */
public final class FileSourceKind implements SourceKind {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>(FileSetConfig.KEYS);
    keys.add(ContainerStream.KEY);
    keys.add("path");
    return Set.copyOf(keys);
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
    FileSetConfig.of(source);
    ContainerStream.validate(source, config);
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    Path path = ConfigPaths.of(source.text("path"));
    boolean fromStart = source.fromStart();
    return () -> new FileTailSource(path, fromStart);
  }

  @Override
  public Optional<Discovery> files(SourceConfig source, SourceContext context) {
    return PathGlob.isGlob(source.text("path"))
        ? Optional.of(new Discovery(new LocalFiles(), Duration.ofSeconds(1))) : Optional.empty();
  }

  @Override
  public Supplier<LineSource> memberLines(SourceConfig file, SourceContext context) {
    Path path = ConfigPaths.of(file.text("path"));
    boolean fromStart = file.fromStart();
    return () -> new FileTailSource(path, fromStart, true);
  }

  /** The file, or a pattern's first file that it would follow here (else the pattern). */
  @Override
  public Optional<Path> sampleFile(SourceConfig source) {
    String path = source.text("path");
    if (!PathGlob.isGlob(path)) {
      return Optional.of(ConfigPaths.of(path));
    }
    PathGlob glob = PathGlob.compile(path);
    FileSetConfig set = FileSetConfig.of(source);
    FileSetSelection selection = new FileSetSelection(glob, set.excludes(), 1, set.pods());
    try {
      List<String> listed = new LocalFiles().list(glob.base(), glob.depth(), selection::wants);
      return Optional.of(selection.select(listed, Set.of()).added().keySet().stream().findFirst()
          .map(Path::of).orElse(Path.of(path)));
    } catch (IOException e) {
      return Optional.of(Path.of(path));
    }
  }
}
