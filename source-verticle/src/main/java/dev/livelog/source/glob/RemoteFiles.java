package dev.livelog.source.glob;

import dev.livelog.source.ExecProcess;
import dev.livelog.source.LineSplitter;
import dev.livelog.source.RemoteShell;
import dev.livelog.source.ShellConnection;
import dev.livelog.source.StderrTail;
import dev.livelog.source.ssh.TailScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lists files on a host with {@code find -xtype f} (regular files and links to them, as
 * {@link LocalFiles}), over one connection kept open between listings (and opened again when it
 * dropped). What {@code find} says on stderr is an error only when it listed nothing. Its output
 * is read within bounds: a line longer than a path can be is left out, and reading stops (ending
 * {@code find}) once {@link #MAX_LISTED} wanted files came.
 */
public final class RemoteFiles implements FileLister {
  /** Longest path a file can be opened by (Linux's PATH_MAX); a longer line is no such path. */
  private static final int MAX_PATH_BYTES = 4096;

  private final ShellConnection connection;

  public RemoteFiles(RemoteShell.Connector connector) {
    this.connection = new ShellConnection(connector);
  }

  @Override
  public List<String> list(String base, int depth, Predicate<String> wanted) throws IOException {
    String command = "[ -d " + TailScript.quote(base) + " ] || exit 0; exec find "
        + TailScript.quote(base) + (depth == Integer.MAX_VALUE ? "" : " -maxdepth " + depth)
        + " -xtype f -print";
    Listed listed = new Listed(wanted);
    RemoteShell shell = connection.open("listing " + base);
    try (ExecProcess find = shell.exec(command)) {
      find.stdin().close();
      LineSplitter lines = new LineSplitter(StandardCharsets.UTF_8, MAX_PATH_BYTES);
      InputStream out = find.stdout();
      byte[] chunk = new byte[64 * 1024];
      long at = 0;
      for (int n = out.read(chunk); n >= 0 && !listed.full(); n = out.read(chunk)) {
        lines.feed(chunk, n, at, listed);
        at += n;
      }
      StderrTail errors = new StderrTail();
      errors.poll(find.stderr());
      if (!listed.any && !errors.text().isEmpty()) {
        throw new IOException(shell.label() + ": listing " + base + " failed: " + errors.text());
      }
    } catch (IOException e) {
      connection.drop();
      throw e;
    }
    return listed.files;
  }

  /** The wanted paths of {@code find}'s output, up to the cap. */
  private static final class Listed implements LineSplitter.LineSink {
    final List<String> files = new ArrayList<>();
    final Predicate<String> wanted;
    /** Whether find listed any file at all, wanted or not. */
    boolean any;

    Listed(Predicate<String> wanted) {
      this.wanted = wanted;
    }

    boolean full() {
      return files.size() >= MAX_LISTED;
    }

    @Override
    public void line(String path, long at, long next) {
      line(path, at, next, false);
    }

    @Override
    public void line(String path, long at, long next, boolean cut) {
      any = true;
      if (!cut && !full() && wanted.test(path)) {
        files.add(path);
      }
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
