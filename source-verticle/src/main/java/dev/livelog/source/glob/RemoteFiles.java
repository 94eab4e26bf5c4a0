package dev.livelog.source.glob;

import dev.livelog.source.ExecProcess;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.ShellConnection;
import dev.livelog.source.StderrTail;
import dev.livelog.source.ssh.TailScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists files on a host with {@code find -xtype f} (regular files and links to them, as
 * {@link LocalFiles}), over one connection kept open between listings (and opened again when it
 * dropped). What {@code find} says on stderr is an error only when it listed nothing.
 */
public final class RemoteFiles implements FileLister {
  private final ShellConnection connection;

  public RemoteFiles(RemoteShell.Connector connector) {
    this.connection = new ShellConnection(connector);
  }

  @Override
  public List<String> list(String base, int depth) throws IOException {
    String command = "[ -d " + TailScript.quote(base) + " ] || exit 0; exec find "
        + TailScript.quote(base) + (depth == Integer.MAX_VALUE ? "" : " -maxdepth " + depth)
        + " -xtype f -print";
    List<String> files = new ArrayList<>();
    RemoteShell shell = connection.open("listing " + base);
    try (ExecProcess find = shell.exec(command)) {
      find.stdin().close();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(find.stdout(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (files.size() < MAX_LISTED) {
          files.add(line);
        }
      }
      StderrTail errors = new StderrTail();
      errors.poll(find.stderr());
      if (files.isEmpty() && !errors.text().isEmpty()) {
        throw new IOException(shell.label() + ": listing " + base + " failed: " + errors.text());
      }
    } catch (IOException e) {
      connection.drop();
      throw e;
    }
    return files;
  }

  @Override
  public void close() {
    connection.close();
  }
}
