package dev.livelog.source.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Runs an exec request as OpenSSH's sshd does without a terminal: {@code /bin/sh -c COMMAND},
 * its pipes connected to the channel, end-of-file from the client closing its stdin, and, when
 * the channel closes, only the pipes closed: the process is NOT killed (MINA's own process
 * shell would destroy it, hiding the orphaned {@code tail} problem a real server has).
 */
final class OpenSshLikeCommand implements Command {
  private final String command;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private Process process;

  OpenSshLikeCommand(String command) {
    this.command = command;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).start();
    pump("ssh-in", in, process.getOutputStream(), true);
    Thread output = pump("ssh-out", process.getInputStream(), out, false);
    Thread error = pump("ssh-err", process.getErrorStream(), err, false);
    Thread waiter = new Thread(() -> {
      try {
        int status = process.waitFor();
        output.join(2_000);
        error.join(2_000);
        exit.onExit(status);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ssh-wait");
    waiter.setDaemon(true);
    waiter.start();
  }

  private static Thread pump(String name, InputStream from, OutputStream to, boolean closeAtEnd) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        int n;
        while ((n = from.read(buf)) >= 0) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // The other side is gone.
      } finally {
        if (closeAtEnd) {
          try {
            to.close();
          } catch (IOException ignored) {
            // Already closed.
          }
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The channel closed: close our ends of the pipes, as sshd does; the process lives on. */
  @Override
  public void destroy(ChannelSession channel) {
    for (AutoCloseable c : new AutoCloseable[] {process.getOutputStream(), process.getInputStream(),
        process.getErrorStream()}) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Already closed.
      }
    }
  }
}
