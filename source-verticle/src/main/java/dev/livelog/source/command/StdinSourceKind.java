package dev.livelog.source.command;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.SourceKinds;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code stdin}: livelog's standard input ({@code path: "-"}), e.g.
 * {@code journalctl -f | livelog run}; read by {@link CommandSource} as a command that ends
 * when the input does. Only one source can read it.
 */
public final class StdinSourceKind implements SourceKind {
  @Override
  public String name() {
    return "stdin";
  }

  /** {@code host} only to say that standard input is local. */
  @Override
  public Set<String> keys() {
    return Set.of("path", "host");
  }

  @Override
  public String mainKey() {
    return "path";
  }

  @Override
  public boolean recognises(SourceConfig source) {
    return "-".equals(source.text("path"));
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    String field = source.has("path") ? "path" : "kind";
    if (source.has("path") && !"-".equals(source.text("path"))) {
      throw new ConfigException("path", "'-' or nothing for standard input, got '"
          + source.text("path") + "'");
    }
    if (source.has("host")) {
      throw new ConfigException(field, "'-' (standard input) is local; remove 'host'");
    }
    boolean earlier = config.sources().stream()
        .takeWhile(other -> !other.id().equals(source.id()))
        .anyMatch(other -> SourceKinds.of(other) instanceof StdinSourceKind);
    if (earlier) {
      throw new ConfigException(field, "only one source can read standard input");
    }
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    InputStream stdin = context.stdin();
    return () -> CommandSource.stdin(source.id(), stdin);
  }

  @Override
  public String path(SourceConfig source) {
    return "-";
  }
}
