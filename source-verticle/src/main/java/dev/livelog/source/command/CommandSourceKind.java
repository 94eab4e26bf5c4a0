package dev.livelog.source.command;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.redact.Redaction;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.ssh.SshShell;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code command}: a command's standard output ({@code command}), run locally through
 * {@code sh -c}, or on a declared SSH {@code host} (then one node of a cluster runs it).
 */
public final class CommandSourceKind implements SourceKind {
  @Override
  public String name() {
    return "command";
  }

  @Override
  public Set<String> keys() {
    return Set.of("command", "host");
  }

  @Override
  public String mainKey() {
    return "command";
  }

  @Override
  public boolean recognises(SourceConfig source) {
    return source.has("command");
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    if (!source.has("command")) {
      throw new ConfigException("command", "required (the command to run)");
    }
    if (source.has("host")) {
      config.host("host", source.text("host"));
    }
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    String command = source.text("command");
    if (!source.has("host")) {
      return () -> CommandSource.local(source.id(), command);
    }
    String hostName = source.text("host");
    RemoteShell.Connector ssh = SshShell.connector(hostName, context);
    return () -> CommandSource.remote(source.id(), hostName, command, ssh);
  }

  /** The command redacted: its arguments may hold credentials. */
  @Override
  public String path(SourceConfig source) {
    return Redaction.command(source.text("command"));
  }

  @Override
  public String host(SourceConfig source) {
    return source.has("host") ? source.text("host") : "localhost";
  }

  @Override
  public boolean followedByOneNode(SourceConfig source) {
    return source.has("host");
  }
}
