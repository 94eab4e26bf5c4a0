package dev.livelog.app;

import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.HostConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.command.CommandSource;
import dev.livelog.source.file.FileTailSource;
import dev.livelog.source.ssh.SshShell;
import dev.livelog.source.ssh.SshTailSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses the {@link LineSource} a source's config describes: a file on an SSH host
 * ({@link SshTailSource}), a command on an SSH host or locally, standard input
 * ({@link CommandSource}), or a local file ({@link FileTailSource}).
 */
final class SourceFactory {
  private SourceFactory() {}

  static Supplier<LineSource> forSource(SourceConfig source, LivelogConfig config) {
    return forSource(source, config, System.getenv());
  }

  static Supplier<LineSource> forSource(SourceConfig source, LivelogConfig config,
      Map<String, String> env) {
    if (source.host() != null) {
      HostConfig host = config.hosts().get(source.host());
      RemoteShell.Connector ssh =
          attempt -> SshShell.connect(source.host(), host, env, attempt);
      if (source.command() != null) {
        return () -> CommandSource.remote(source.id(), source.host(), source.command(), ssh);
      }
      return () -> new SshTailSource(source.id(), source.host(), source.path(),
          source.fromStart(), host.pollInterval(), ssh);
    }
    if (source.command() != null) {
      return () -> CommandSource.local(source.id(), source.command());
    }
    if (source.readsStdin()) {
      InputStream stdin = System.in;
      return () -> CommandSource.stdin(source.id(), stdin);
    }
    Path path = ConfigPaths.of(source.path());
    return () -> new FileTailSource(path, source.fromStart());
  }
}
