package dev.livelog.source.command;

import dev.livelog.source.CommandRunner;
import dev.livelog.source.ExecProcess;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.ShellConnection;
import dev.livelog.source.ssh.TailScript;
import java.io.IOException;

/**
 * A source's commands on an SSH host, over one connection kept between them (opened again when
 * it dropped). Each is started by a small {@code sh} program that ends it when the channel
 * closes, so it does not outlive the connection.
 */
public final class RemoteCommands implements CommandRunner {
  private final String sourceId;
  private final ShellConnection connection;

  public RemoteCommands(String sourceId, RemoteShell.Connector connector) {
    this.sourceId = sourceId;
    this.connection = new ShellConnection(connector);
  }

  @Override
  public ExecProcess start(String command) throws IOException {
    return connection.run(sourceId, TailScript.command("livelog-command", sourceId),
        program(command));
  }

  /**
   * Runs the command in its own process group ({@code setsid}, where there is one), and ends
   * the whole group (a pipeline, a child that {@code sh -c} forked) when the channel's input
   * ends: sshd does not signal a command that has no terminal.
   */
  static String program(String command) {
    String run = "sh -c " + TailScript.quote(command);
    return "{\nexec 5<&0 </dev/null\n"
        + "if command -v setsid >/dev/null 2>&1; then setsid " + run + " & else " + run + " & fi\n"
        + "c=$!\n"
        + "( exec <&5 >/dev/null 2>&1 5<&-; cat; kill -TERM -$c 2>/dev/null || kill -TERM $c ) &\n"
        + "exec 5<&-\nwait $c\n}\n";
  }

  @Override
  public void close() {
    connection.close();
  }
}
