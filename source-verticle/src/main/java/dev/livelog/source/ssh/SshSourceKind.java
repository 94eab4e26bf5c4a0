package dev.livelog.source.ssh;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ssh}: a file ({@code path}) on a declared SSH {@code host}, followed by
 * {@link SshTailSource}. In a cluster one node follows it.
 */
public final class SshSourceKind implements SourceKind {
  @Override
  public String name() {
    return "ssh";
  }

  @Override
  public Set<String> keys() {
    return Set.of("host", "path");
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
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    String hostName = source.text("host");
    Duration poll = context.config().host("host", hostName).pollInterval();
    RemoteShell.Connector ssh = SshShell.connector(hostName, context);
    return () -> new SshTailSource(source.id(), hostName, source.text("path"), source.fromStart(),
        poll, ssh);
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
