package dev.livelog.app.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code livelog run} in its own JVM, as an operator runs it: its own config file (the
 * shared one plus its web port), its roles, {@code --cluster}; killed, or stopped with SIGTERM.
 */
public final class LivelogProcess implements AutoCloseable {
  private final String name;
  private final int port;
  private final Path log;
  private Process process;

  private LivelogProcess(String name, int port, Path log) {
    this.name = name;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a process and waits until its readiness probe says ready: up to 2 minutes, as a JVM
   * start, a Hazelcast join and (with cluster.tls) the bus's first handshakes have taken over a
   * minute on a loaded 2-core machine.
   */
  static LivelogProcess start(Path dir, String name, String sharedConfig, String roles, boolean cluster)
      throws Exception {
    LivelogProcess p = launch(dir, name, sharedConfig, roles, cluster, Map.of());
    try {
      p.awaitReady(Duration.ofSeconds(120));
    } catch (Exception | AssertionError e) {
      p.close(); // nobody else holds it yet: never leave it running
      throw e;
    }
    return p;
  }

  /**
   * Starts a process with {@code environment} added to this one's, without waiting for it:
   * its web port is picked here.
   */
  public static LivelogProcess launch(Path dir, String name, String sharedConfig, String roles,
      boolean cluster, Map<String, String> environment) throws IOException {
    int port = freePort();
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, sharedConfig + "\nweb: {host: 127.0.0.1, port: " + port + "}\n");
    LivelogProcess p = new LivelogProcess(name, port, dir.resolve(name + ".log"));
    p.launch(config, roles, cluster, environment);
    return p;
  }

  private void launch(Path config, String roles, boolean cluster, Map<String, String> environment)
      throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "dev.livelog.app.Livelog", "run", "-c", config.toString(), "--roles", roles));
    if (cluster) {
      command.add("--cluster");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Waits until the process's output (stdout and stderr) contains {@code text}. */
  public void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException(name + ": no '" + text + "' in its output "
            + (process.isAlive() ? "after " + timeout : "before it exited") + ":\n" + output());
      }
      Thread.sleep(200);
    }
  }

  public void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastAnswer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> ready = get("/health/ready");
        if (ready.statusCode() == 200) {
          return;
        }
        lastAnswer = ready.statusCode() + " " + ready.body();
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready in " + timeout + " (/health/ready: "
        + lastAnswer + "):\n" + Files.readString(log));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }

  int port() {
    return port;
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: the process dies at once, as on a crash or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, as Kubernetes stops a pod; returns the exit code, or -1 if it did not exit in time. */
  public int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
