package dev.livelog.bench;

import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.HostConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.ParserVerticle;
import dev.livelog.source.LineSource;
import dev.livelog.source.SourceVerticle;
import dev.livelog.source.file.FileTailSource;
import dev.livelog.source.ssh.SshShell;
import dev.livelog.source.ssh.SshTailSource;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lines per second from a file into the parsers: through SSH sessions (SshTailSource, the
 * remote tail program, sshj) and, as the peer in the same run, through the local file source.
 * A stand-in store acknowledges at once, so storage is not measured. Each session reads the
 * whole file from its start.
 * Usage: SshThroughput FILE LINES PORT IDENTITY KNOWN_HOSTS SESSIONS...
 */
public final class SshThroughput {
  private SshThroughput() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
    for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
      h.setLevel(java.util.logging.Level.SEVERE);
    }
    Path file = Path.of(args[0]);
    long lines = Long.parseLong(args[1]);
    HostConfig host = HostConfig.of("127.0.0.1", Integer.parseInt(args[2]),
            System.getProperty("user.name"))
        .withIdentity(args[3], null).withKnownHosts(args[4], "strict");
    System.out.printf(Locale.ROOT, "%-28s %9s %8s %14s %14s%n", "path", "sessions", "seconds",
        "lines/s total", "lines/s each");
    for (int i = 5; i < args.length; i++) {
      int sessions = Integer.parseInt(args[i]);
      double ssh = run("ssh (SshTailSource)", file, lines, sessions,
          id -> () -> new SshTailSource(id, "bench", file.toString(), true,
              Duration.ofMillis(250), a -> SshShell.connect("bench", host, Map.of(), a)));
      double local = run("local file (FileTailSource)", file, lines, sessions,
          id -> () -> new FileTailSource(file, true));
      System.out.printf(Locale.ROOT, "ratio ssh / local file, %d session%s: %.2f%n%n", sessions,
          sessions == 1 ? "" : "s", ssh / local);
    }
  }

  interface Sources {
    Supplier<LineSource> forId(String id);
  }

  /** One run; returns the lines per second per session. */
  private static double run(String name, Path file, long lines, int sessions, Sources sources)
      throws Exception {
    StringBuilder yaml = new StringBuilder("sources:\n");
    for (int s = 0; s < sessions; s++) {
      yaml.append("  - {id: s").append(s).append(", path: '").append(file)
          .append("', format: combined, from: start}\n");
    }
    LivelogConfig config = ConfigLoader.parse(yaml.toString());
    Vertx vertx = Vertx.vertx();
    try {
      BatchCodecs.register(vertx);
      AckingStore store = new AckingStore();
      await(vertx.deployVerticle(store).toCompletionStage().toCompletableFuture());
      int parsers = Runtime.getRuntime().availableProcessors();
      await(vertx.deployVerticle(() -> new ParserVerticle(config),
          new DeploymentOptions().setInstances(parsers)).toCompletionStage().toCompletableFuture());
      long start = System.nanoTime();
      for (SourceConfig source : config.sources()) {
        await(vertx.deployVerticle(new SourceVerticle(source, config.pipeline(),
            sources.forId(source.id()))).toCompletionStage().toCompletableFuture());
      }
      long expected = lines * sessions;
      long deadline = System.currentTimeMillis() + 600_000;
      while (store.events.get() < expected && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (store.events.get() < expected) {
        throw new IllegalStateException(name + ": only " + store.events.get() + " of " + expected
            + " lines after 10 minutes");
      }
      double total = expected / seconds;
      System.out.printf(Locale.ROOT, "%-28s %9d %8.2f %14.0f %14.0f%n", name, sessions, seconds,
          total, total / sessions);
      return total / sessions;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }
}
