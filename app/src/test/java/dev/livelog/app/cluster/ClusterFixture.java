package dev.livelog.app.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * What the cluster tests share: a MongoDB wire-protocol server in this JVM (the cluster's
 * store), a log file and a writer appending to it, and the config every process loads: a
 * cluster of its own (name and ports picked per test, on loopback), a file source, and a count
 * of lines every second over the last minute (longer than any test writes, so the latest
 * datapoint counts every line: exactly once, or the count shows it).
 */
final class ClusterFixture implements AutoCloseable {
  final Path dir;
  final Path log;
  final MongoServer mongo = new MongoServer(new MemoryBackend());
  final AtomicInteger written = new AtomicInteger();
  private final AtomicBoolean writing = new AtomicBoolean();
  /** Percent of the lines written with status 500 (the rest are 200). */
  private final AtomicInteger errorPercent = new AtomicInteger();
  private final List<LivelogProcess> processes = new ArrayList<>();
  private Thread writer;
  private final String config;
  /** The entries of the cluster section every process shares. */
  private final String cluster;
  private final Vertx vertx = Vertx.vertx();
  private final MongoClient client;

  ClusterFixture(Path dir) throws Exception {
    this(dir, "");
  }

  /** With {@code more} sections (e.g. alerts and notify) added to the config. */
  ClusterFixture(Path dir, String more) throws Exception {
    this.dir = dir;
    this.log = dir.resolve("access.log");
    Files.createFile(log);
    mongo.bind("127.0.0.1", 0);
    int hazelcast = 20_000 + ThreadLocalRandom.current().nextInt(400) * 50;
    List<String> members = IntStream.range(0, 8).mapToObj(i -> "\"127.0.0.1:" + (hazelcast + i) + "\"").toList();
    this.config = """
        sources: [{id: web, path: "%s", format: combined, from: start}]
        periods: [{name: 1s, interval: 1s, window: 60s, history: 120}, {name: fast, interval: 1s, window: 3s}]
        groups:
          lines: {label: Lines, analyzers: [{label: n, metric: count}]}
          status: {analyzers: [{by: status, by_class: true, metric: share, values: [2xx, 5xx]}]}
        storage:
          data_dir: "%s"
          retention: 3650d
          mongo: {uri: "mongodb://127.0.0.1:%d/?serverSelectionTimeoutMS=5000", database: cluster}
        %s
        """.formatted(log, dir.resolve("data"), mongo.getLocalAddress().getPort(), more);
    this.cluster = "name: test-%d, port: %d, members: [%s]".formatted(hazelcast, hazelcast,
        String.join(", ", members));
    this.client = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort())
        .put("db_name", "cluster"));
  }

  LivelogProcess start(String name, String roles) throws Exception {
    return start(name, roles, "");
  }

  /** {@code clusterEntries}: more entries of this process's cluster section, e.g. {@code , tls: {...}}. */
  LivelogProcess start(String name, String roles, String clusterEntries) throws Exception {
    LivelogProcess p = LivelogProcess.start(dir, name, config(clusterEntries), roles, true);
    processes.add(p);
    return p;
  }

  /** A process of its own, not clustered, with the same config and store. */
  LivelogProcess startAlone(String name, String roles) throws Exception {
    LivelogProcess p = LivelogProcess.start(dir, name, config(""), roles, false);
    processes.add(p);
    return p;
  }

  /** From now on, {@code percent} of the lines written have status 500. */
  void errorPercent(int percent) {
    errorPercent.set(percent);
  }

  /** What each stored alert record says {@code receiver} was told (firing, resolved). */
  List<String> alertsTold(String receiver) throws Exception {
    return client.find("alertrecords", new JsonObject()).toCompletionStage().toCompletableFuture()
        .get(10, java.util.concurrent.TimeUnit.SECONDS).stream()
        .map(r -> r.getJsonObject("body").getJsonObject("told", new JsonObject()).getString(receiver, "nothing"))
        .toList();
  }

  /** The config every process loads, with more entries in its cluster section. */
  String config(String clusterEntries) {
    return config + "cluster: {" + cluster + clusterEntries + "}\n";
  }

  /** A source's checkpoint in the cluster's store, or null. */
  JsonObject checkpoint(String source) throws Exception {
    return client.findOne("checkpoints", new JsonObject().put("_id", source), null)
        .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Appends combined lines at about {@code perSecond}, stamped now, until stopped. */
  void startWriting(int perSecond) {
    writing.set(true);
    writer = new Thread(() -> {
      try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);
        while (writing.get()) {
          String now = time.format(java.time.Instant.now());
          for (int i = 0; i < perSecond / 20; i++) {
            int n = written.get();
            int status = n % 100 < errorPercent.get() ? 500 : 200;
            out.write("10.0.0." + (n % 250) + " - - [" + now + "] \"GET /item/" + n + " HTTP/1.1\" "
                + status + " " + n + " \"-\" \"cluster-test\"\n");
            written.incrementAndGet();
          }
          out.flush();
          Thread.sleep(50);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
  }

  int stopWriting() throws InterruptedException {
    writing.set(false);
    writer.join();
    return written.get();
  }

  /** Events in the cluster's store. */
  long stored() {
    try {
      return client.count("events", new JsonObject()).toCompletionStage().toCompletableFuture()
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Waits until every written line is stored, or the timeout; returns what is stored. When it
   * falls short, the processes' logs go to stderr, since the test's assertion will fail.
   */
  long awaitStored(long expected, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    long stored = stored();
    while (stored != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      stored = stored();
    }
    if (stored != expected) {
      for (LivelogProcess p : processes) {
        System.err.println("==== " + p + "\n" + p.output());
      }
    }
    return stored;
  }

  @Override
  public void close() throws Exception {
    writing.set(false);
    for (LivelogProcess p : processes) {
      p.close();
    }
    client.close();
    vertx.close();
    mongo.shutdownNow();
  }
}
