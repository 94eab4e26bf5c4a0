package dev.livelog.source.ssh;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.ContainerStream;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.glob.Discovery;
import dev.livelog.source.glob.FileSetConfig;
import dev.livelog.source.glob.PathGlob;
import dev.livelog.source.glob.RemoteFiles;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ssh}: a file ({@code path}) on a declared SSH {@code host}, followed by
 * {@link SshTailSource}; or the files a path pattern matches there (listed with {@code find},
 * each followed by its own {@code SshTailSource}). In a cluster one node follows it.
 */
public final class SshSourceKind implements SourceKind {
  @Override
  public String name() {
    return "ssh";
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>(FileSetConfig.KEYS);
    keys.add(ContainerStream.KEY);
    keys.add("host");
    keys.add("path");
    return Set.copyOf(keys);
  }

  @Override
  public String mainKey() {
    return "path";
  }

  /** A {@code path} (not {@code -}) on a {@code host}. */
  @Override
  public boolean recognises(SourceConfig source) {
    return source.has("host") && source.has("path") && !"-".equals(source.text("path"));
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    if (!source.has("host")) {
      throw new ConfigException("host", "required (a host declared under 'hosts')");
    }
    config.host("host", source.text("host"));
    if (!source.has("path")) {
      throw new ConfigException("path", "required (the file to follow on the host)");
    }
    FileSetConfig.of(source);
    ContainerStream.validate(source, config);
  }

  @Override
  public Optional<Discovery> files(SourceConfig source, SourceContext context) {
    if (!PathGlob.isGlob(source.text("path"))) {
      return Optional.empty();
    }
    String hostName = source.text("host");
    Duration poll = context.config().host("host", hostName).pollInterval();
    return Optional.of(new Discovery(new RemoteFiles(SshShell.connector(hostName, context)), poll));
  }

  @Override
  public Supplier<LineSource> memberLines(SourceConfig file, SourceContext context) {
    return tails(file, context, true);
  }

  private static Supplier<LineSource> tails(SourceConfig source, SourceContext context,
      boolean endWhenGone) {
    String hostName = source.text("host");
    Duration poll = context.config().host("host", hostName).pollInterval();
    RemoteShell.Connector ssh = SshShell.connector(hostName, context);
    return () -> new SshTailSource(source.id(), hostName, source.text("path"), source.fromStart(),
        poll, ssh, endWhenGone);
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    return tails(source, context, false);
  }

  @Override
  public String host(SourceConfig source) {
    return source.text("host");
  }

  @Override
  public boolean followedByOneNode(SourceConfig source) {
    return true;
  }
}
