package dev.livelog.app;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Starts a node from a command and waits for it, turning start failures into one line. */
public final class NodeRunner {
  private NodeRunner() {}

  public static LivelogNode start(LivelogConfig config, Set<Role> roles, boolean cluster)
      throws InterruptedException {
    CompletableFuture<LivelogNode> started =
        LivelogNode.start(config, roles, cluster).toCompletionStage().toCompletableFuture();
    try {
      return started.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException wrong) {
        throw wrong; // a setting found wrong only at start (a secret unset, a file unreadable): exit 2
      }
      throw new IllegalStateException("cannot start: " + (cause.getMessage() == null
          ? cause.toString() : cause.getMessage()), cause);
    }
  }

  /** A host to show in a URL: the wildcard address means this machine. */
  public static String displayHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1") ? "localhost" : host;
  }
}
