package dev.livelog.bench.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code livelog run -c CONFIG} in its own process, as an operator runs it: started, killed,
 * stopped with SIGTERM. Its output goes to one file over all its lives.
 */
final class LivelogProcess implements AutoCloseable {
  /** A SIGTERM must end livelog within this (the README's promise). */
  static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  private final List<String> command;
  private final List<String> sources;
  private final int webPort;
  private final Path output;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private volatile boolean closed;
  private int starts;
  private final List<String> exits = new ArrayList<>();
  private int cleanStops;
  private final List<String> uncleanStops = new ArrayList<>();

  /** {@code launcher}: how livelog is started, e.g. {@code java -jar livelog.jar}. */
  LivelogProcess(List<String> launcher, Path config, List<String> sources, int webPort,
      Path output) {
    this.sources = sources;
    this.command = new ArrayList<>(launcher);
    this.command.addAll(List.of("run", "-c", config.toString()));
    this.webPort = webPort;
    this.output = output;
  }

  synchronized void start() throws IOException {
    if (closed) {
      throw new IOException("the chaos run is over: livelog is not started again");
    }
    Files.writeString(output, "==== start " + (++starts) + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
  }

  /** SIGKILL: gone at once, as on a crash or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM; says how the stop went. A stop over the limit or not exiting 0 is recorded. */
  String terminate() throws InterruptedException {
    long began = System.nanoTime();
    process.destroy();
    boolean exited = process.waitFor(STOP_LIMIT.toMillis() + 20_000, TimeUnit.MILLISECONDS);
    long millis = (System.nanoTime() - began) / 1_000_000;
    if (!exited) {
      kill();
    }
    String how = exited ? String.format(Locale.ROOT, "stopped in %.1f s (exit %d)", millis / 1000.0,
        process.exitValue()) : "did not stop in " + millis + " ms, killed";
    if (exited && process.exitValue() == 0 && millis <= STOP_LIMIT.toMillis()) {
      cleanStops++;
    } else {
      uncleanStops.add(how);
    }
    return how;
  }

  /**
   * Waits until {@code /health/ready} says 200 (store reachable, the sources deployed so far
   * streaming) and {@code /api/sources} shows every source streaming (readiness does not wait
   * for sources still being deployed); returns null, or the last answer when the time is up. A livelog that exited on its own is
   * recorded and started again, as a supervisor (systemd's Restart=on-failure) would.
   */
  String awaitReady(Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        exits.add("exited with " + process.exitValue() + " on its own (start " + starts + ")");
        start();
        continue;
      }
      try {
        HttpResponse<String> ready = get("/health/ready");
        last = ready.statusCode() + " " + ready.body();
        if (ready.statusCode() == 200) {
          String notYet = sourcesNotStreaming();
          if (notYet == null) {
            return null;
          }
          last = notYet;
        }
      } catch (IOException notYet) {
        last = "not listening yet";
      }
      Thread.sleep(250);
    }
    return last;
  }

  /**
   * Null when every source is streaming with nothing unread and nothing unacknowledged by the
   * store; else what is not.
   */
  String behind() throws IOException, InterruptedException {
    JsonArray statuses;
    try {
      statuses = new JsonObject(get("/api/sources").body()).getJsonArray("sources");
    } catch (IOException notAnswering) {
      return "livelog does not answer: " + notAnswering;
    }
    List<String> behind = new ArrayList<>();
    for (String id : sources) {
      JsonObject s = statuses.stream().map(JsonObject.class::cast)
          .filter(status -> id.equals(status.getString("id"))).findFirst().orElse(null);
      if (s == null || !"streaming".equals(s.getString("state"))
          || !Long.valueOf(0).equals(s.getLong("bytesBehind"))
          || s.getInteger("inFlight", -1) != 0) {
        behind.add(s == null ? id + ": no status" : id + ": " + s.getString("state")
            + ", " + s.getLong("bytesBehind") + " bytes unread, " + s.getInteger("inFlight")
            + " batches in flight");
      }
    }
    return behind.isEmpty() ? null : String.join("; ", behind);
  }

  private String sourcesNotStreaming() throws IOException, InterruptedException {
    JsonArray statuses = new JsonObject(get("/api/sources").body()).getJsonArray("sources");
    List<String> streaming = statuses.stream().map(JsonObject.class::cast)
        .filter(s -> "streaming".equals(s.getString("state"))).map(s -> s.getString("id")).toList();
    List<String> notYet = sources.stream().filter(id -> !streaming.contains(id)).toList();
    return notYet.isEmpty() ? null : "not streaming yet: " + notYet;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  int starts() {
    return starts;
  }

  int cleanStops() {
    return cleanStops;
  }

  List<String> uncleanStops() {
    return uncleanStops;
  }

  /** Exits nobody asked for. */
  List<String> exits() {
    return exits;
  }

  Path output() {
    return output;
  }

  /** Kills livelog if it runs, and keeps it from being started again (a run interrupted). */
  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      closed = true;
    }
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
