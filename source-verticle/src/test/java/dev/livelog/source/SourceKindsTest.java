package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.ValidatedYaml;
import dev.livelog.common.config.StructureValidator;
import dev.livelog.source.command.CommandSourceKind;
import dev.livelog.source.command.StdinSourceKind;
import dev.livelog.source.file.FileSourceKind;
import dev.livelog.source.journald.JournaldSourceKind;
import dev.livelog.source.ssh.SshSourceKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Source kinds: told from the keys as before, or named by {@code kind}; errors name the field. */
class SourceKindsTest {

  private static LivelogConfig load(String yaml) {
    LivelogConfig c = ConfigLoader.parse(yaml);
    validate(c);
    return c;
  }

  private static void validate(LivelogConfig c) {
    StructureValidator.validate(c);
    SourceKinds.validate(c);
  }

  private static ConfigException failure(String yaml) {
    return ValidatedYaml.failure(yaml, SourceKindsTest::validate);
  }

  private static SourceKind kindOf(String yaml) {
    return SourceKinds.of(load(yaml).sources().get(0));
  }

  @Test
  void theBuiltInKindsAreRegistered() {
    assertThat(SourceKinds.names()).containsExactly("file", "ssh", "command", "stdin", "journald");
  }

  @Test
  void aSourceWithoutKindIsToldFromItsKeysAsBefore() {
    String hosts = "hosts:\n  w: {hostname: w}\n";
    assertThat(kindOf("sources: [{id: a, path: /x, format: c}]")).isInstanceOf(FileSourceKind.class);
    assertThat(kindOf(hosts + "sources: [{id: a, host: w, path: /x, format: c}]"))
        .isInstanceOf(SshSourceKind.class);
    assertThat(kindOf("sources: [{id: a, command: journalctl -f, format: c}]"))
        .isInstanceOf(CommandSourceKind.class);
    assertThat(kindOf(hosts + "sources: [{id: a, host: w, command: journalctl -f, format: c}]"))
        .isInstanceOf(CommandSourceKind.class);
    assertThat(kindOf("sources: [{id: a, path: '-', format: c}]")).isInstanceOf(StdinSourceKind.class);
  }

  @Test
  void kindNamesTheKindAndAnUnknownOneListsTheRegisteredNames() {
    assertThat(kindOf("sources: [{id: a, kind: stdin, format: c}]")).isInstanceOf(StdinSourceKind.class);
    assertThat(kindOf("sources: [{id: a, kind: file, path: /x, format: c}]"))
        .isInstanceOf(FileSourceKind.class);
    assertThat(failure("sources: [{id: a, kind: journal, path: /x, format: c}]"))
        .hasMessage("sources[0].kind: unknown source kind 'journal'; use one of: file, ssh,"
            + " command, stdin, journald");
  }

  @Test
  void aKeyTheKindDoesNotReadIsAnErrorNamingWhatItReads() {
    ConfigException e = failure("sources:\n  - {id: a, kind: file, path: /x, command: ls, format: c}\n");
    assertThat(e.field()).isEqualTo("sources[0].command");
    assertThat(e.reason()).isEqualTo("unknown key for a file source (line 2); expected one of:"
        + " encoding, exclude, format, from, id, kind, kubernetes, max_files, path, stream");
    assertThat(failure("sources: [{id: a, kind: file, format: c}]"))
        .hasMessage("sources[0].path: required (the file to follow)");
    assertThat(failure("sources: [{id: a, path: [a, b], format: c}]"))
        .hasMessage("sources[0].path: expected a text value (line 1)");
  }

  @Test
  void containerLogKeysAreCheckedWithTheirFieldAndReason() {
    String pods = "sources:\n  - {id: k, path: '/var/log/pods/*/*/*.log', format: {cri: combined}, ";
    load(pods + "kubernetes: {namespace: ingress-nginx, pod: 'ingress-nginx-controller-*',"
        + " container: [controller, '{a,b}']}, stream: stdout}\n");
    assertThat(failure(pods + "kubernetes: {namespaces: x}}\n").getMessage())
        .startsWith("sources[0].kubernetes.namespaces: unknown key under kubernetes (line 2);"
            + " expected one of: container, namespace, pod");
    assertThat(failure(pods + "kubernetes: ingress-nginx}\n").getMessage())
        .startsWith("sources[0].kubernetes: expected a mapping of namespace, pod and/or container");
    assertThat(failure(pods + "kubernetes: {pod: 'a/b'}}\n").getMessage())
        .startsWith("sources[0].kubernetes.pod: 'a/b': a name pattern");
    assertThat(failure("sources: [{id: k, path: /x.log, format: combined,"
        + " kubernetes: {namespace: x}}]").getMessage())
        .isEqualTo("sources[0].kubernetes: only for a path with a pattern (*, ?, [...], {a,b}, **,"
            + " <name>)");
    assertThat(failure(pods + "stream: out}\n").getMessage())
        .isEqualTo("sources[0].stream: expected stdout or stderr, got 'out' (line 2)");
    assertThat(failure("sources: [{id: k, path: /x.log, format: combined, stream: stdout}]")
        .getMessage()).isEqualTo("sources[0].stream: only for a container log's format, e.g."
            + " format: {cri: upstreaminfo} or {docker: combined} (line 1)");
  }

  @Test
  void unknownKeyNamesTheFieldAndTheAllowedKeys() {
    ConfigException e = failure("sources:\n  - {id: a, pathh: /x, format: combined}\n");
    assertThat(e.field()).isEqualTo("sources[0].pathh");
    assertThat(e.reason()).contains("unknown key").contains("path").contains("line 2");
  }

  @Test
  void semanticErrorsNameTheField() {
    assertThat(failure("sources: [{id: a, host: nowhere, path: /x, format: combined}]").field())
        .isEqualTo("sources[0].host");
    assertThat(failure("sources: [{id: a, format: combined}]").reason())
        .contains("exactly one of 'path'");
    assertThat(failure("sources: [{id: a, path: /x, command: ls, format: combined}]"))
        .hasMessage("sources[0]: set exactly one of 'path', 'command' or 'unit' (or set kind:"
            + " one of file, ssh, command, stdin, journald)");
  }

  @Test
  void sourcesReferToDeclaredHostsAndOnlyOneReadsStdin() {
    assertThatThrownBy(() -> load("sources:\n  - {id: a, host: nope, path: /x, format: combined}\n"))
        .hasMessageContaining("sources[0].host").hasMessageContaining("unknown host 'nope'");
    assertThatThrownBy(() -> load("sources:\n  - {id: a, path: '-', format: combined}\n"
        + "  - {id: b, path: '-', format: combined}\n"))
        .hasMessageContaining("sources[1].path").hasMessageContaining("only one source");
    assertThatThrownBy(() -> load("hosts:\n  w: {hostname: w}\n"
        + "sources:\n  - {id: a, host: w, path: '-', format: combined}\n"))
        .hasMessageContaining("sources[0].path");
    SourceConfig remoteCommand = load("hosts:\n  w: {hostname: w}\n"
        + "sources:\n  - {id: j, host: w, command: journalctl -f -n 0, format: combined}\n")
        .sources().get(0);
    assertThat(remoteCommand.text("command")).isEqualTo("journalctl -f -n 0");
  }

  @Test
  void aJournaldSourceIsToldFromItsUnitOrNamedAndItsKeysAreChecked() {
    String hosts = "hosts:\n  w: {hostname: w}\n";
    assertThat(kindOf("sources: [{id: j, unit: nginx.service, format: main}]"))
        .isInstanceOf(JournaldSourceKind.class);
    LivelogConfig c = load(hosts + "sources:\n"
        + "  - {id: j, host: w, unit: nginx.service, format: main}\n"
        + "  - {id: k, kind: journald, matches: [SYSLOG_IDENTIFIER=nginx, +, _COMM=nginx],"
        + " journalctl: sudo -n journalctl, field: MESSAGE, format: main}\n");
    assertThat(c.sources()).extracting(s -> SourceKinds.of(s).followedByOneNode(s))
        .containsExactly(true, false);
    assertThat(c.sources()).extracting(s -> SourceKinds.of(s).path(s)).containsExactly(
        "journalctl --unit=nginx.service",
        "sudo … SYSLOG_IDENTIFIER=nginx + _COMM=nginx");
    assertThat(failure("sources: [{id: j, unit: nginx, path: /x, format: main}]"))
        .hasMessageStartingWith("sources[0].unit: unknown key for a file source");
    assertThat(failure("sources:\n  - {id: j, kind: journald, matches: [nginx], format: main}\n"))
        .hasMessage("sources[0].matches[0]: expected a journal match FIELD=value, e.g."
            + " SYSLOG_IDENTIFIER=nginx (line 2)");
    assertThat(failure("sources: [{id: j, unit: nginx, field: message, format: main}]"))
        .hasMessageStartingWith("sources[0].field: 'message' is not a journal field name");
    assertThat(failure("sources: [{id: j, unit: nginx, host: nope, format: main}]").field())
        .isEqualTo("sources[0].host");
    assertThat(failure("sources: [{id: j, unit: nginx, command: ls, format: main}]"))
        .hasMessageStartingWith("sources[0].unit: unknown key for a command source");
  }

  @Test
  void whatAKindSaysAboutItsSources() {
    LivelogConfig c = load("hosts:\n  w: {hostname: w}\nsources:\n"
        + "  - {id: f, path: ~/logs/a.log, format: c}\n"
        + "  - {id: s, host: w, path: /var/log/a.log, format: c}\n"
        + "  - {id: r, host: w, command: journalctl -f, format: c}\n"
        + "  - {id: l, command: journalctl -f, format: c}\n");
    SourceConfig file = c.sources().get(0);
    assertThat(SourceKinds.of(file).sampleFile(file))
        .contains(Path.of(System.getProperty("user.home"), "logs/a.log"));
    assertThat(c.sources()).extracting(s -> SourceKinds.of(s).followedByOneNode(s))
        .containsExactly(false, true, true, false);
    assertThat(c.sources()).extracting(s -> SourceKinds.of(s).host(s))
        .containsExactly("localhost", "w", "w", "localhost");
    // A command is shown by its program only: its arguments may hold credentials.
    assertThat(c.sources()).extracting(s -> SourceKinds.of(s).path(s))
        .containsExactly("~/logs/a.log", "/var/log/a.log", "journalctl …", "journalctl …");
  }
}
