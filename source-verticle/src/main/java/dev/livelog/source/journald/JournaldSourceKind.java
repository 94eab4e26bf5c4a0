package dev.livelog.source.journald;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Encodings;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.CommandRunner;
import dev.livelog.source.LineSource;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.command.LocalProcess;
import dev.livelog.source.command.RemoteCommands;
import dev.livelog.source.ssh.SshShell;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code journald}: the systemd journal, read by {@code journalctl} on this machine or on a
 * declared SSH {@code host} (then one node of a cluster follows it), resumed by cursor
 * ({@link JournaldSource}). Which entries: a {@code unit} and/or journal {@code matches}
 * ({@code SYSLOG_IDENTIFIER=nginx}); which field is the line: {@code field} (default
 * {@code MESSAGE}); which program: {@code journalctl} (default {@code journalctl}, e.g.
 * {@code sudo -n journalctl} where the login may not read the journal).
 */
public final class JournaldSourceKind implements SourceKind {
  private static final Pattern FIELD = Pattern.compile("[A-Z0-9_]+");
  private static final Pattern MATCH = Pattern.compile("[A-Z0-9_]+=.*|\\+");

  @Override
  public String name() {
    return "journald";
  }

  @Override
  public Set<String> keys() {
    return Set.of("unit", "matches", "host", "field", "journalctl");
  }

  @Override
  public String mainKey() {
    return "unit";
  }

  /** A {@code unit} (no {@code path} or {@code command}); other journal reads name their kind. */
  @Override
  public boolean recognises(SourceConfig source) {
    return source.has("unit") && !source.has("path") && !source.has("command");
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    if (source.settings().containsKey("unit") && !source.has("unit")) {
      throw new ConfigException("unit", "empty: name a systemd unit, e.g. nginx.service");
    }
    matches(source);
    String field = field(source);
    if (!FIELD.matcher(field).matches()) {
      throw new ConfigException("field", "'" + field + "' is not a journal field name"
          + " (upper-case letters, digits and '_', e.g. MESSAGE)");
    }
    if (source.settings().containsKey("journalctl") && !source.has("journalctl")) {
      throw new ConfigException("journalctl", "empty: the program to run, e.g. journalctl");
    }
    if (source.has("host")) {
      config.host("host", source.text("host"));
    }
  }

  /** {@code matches}: one {@code FIELD=value} or a list of them ({@code +} between alternatives). */
  private static List<String> matches(SourceConfig source) {
    Setting setting = source.settings().get("matches");
    if (setting == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    JsonNode value = setting.value();
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        out.add(match("matches[" + i + "]", value.get(i), setting));
      }
    } else {
      out.add(match("matches", value, setting));
    }
    return out;
  }

  private static String match(String key, JsonNode value, Setting setting) {
    if (!value.isValueNode() || !MATCH.matcher(value.asText()).matches()) {
      throw new ConfigException(key, "expected a journal match FIELD=value, e.g."
          + " SYSLOG_IDENTIFIER=nginx" + setting.where());
    }
    return value.asText();
  }

  private static String field(SourceConfig source) {
    return source.has("field") ? source.text("field") : "MESSAGE";
  }

  private static Journalctl journalctl(SourceConfig source) {
    return new Journalctl(source.has("journalctl") ? source.text("journalctl") : "journalctl",
        source.has("unit") ? source.text("unit") : null, matches(source));
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    Journalctl journalctl = journalctl(source);
    String host = host(source);
    Supplier<CommandRunner> runner;
    if (source.has("host")) {
      RemoteShell.Connector ssh = SshShell.connector(host, context);
      runner = () -> new RemoteCommands(source.id(), ssh);
    } else {
      runner = () -> LocalProcess::start;
    }
    int maxLine = context.config().pipeline().maxLineLength();
    return () -> new JournaldSource(host, journalctl, runner.get(), source.fromStart(),
        field(source), Encodings.forName(source.encoding()), maxLine);
  }

  @Override
  public String host(SourceConfig source) {
    return source.has("host") ? source.text("host") : "localhost";
  }

  @Override
  public String path(SourceConfig source) {
    return journalctl(source).describe();
  }

  @Override
  public boolean followedByOneNode(SourceConfig source) {
    return source.has("host");
  }
}
