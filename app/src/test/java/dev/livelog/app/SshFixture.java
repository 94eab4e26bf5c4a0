package dev.livelog.app;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.source.ssh.LoopbackSshServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A loopback SSH server with a client key and known_hosts, and livelog nodes following files
 * on it through the whole pipeline (parsers, embedded store), for end-to-end tests. Lines are
 * written as {@code N text} and parsed by a regex into {@code n} and {@code text}.
 */
final class SshFixture implements AutoCloseable {
  static final KeyPair HOST_KEY = LoopbackSshServer.newKeyPair();
  static final KeyPair USER_KEY = LoopbackSshServer.newKeyPair();

  final Path dir;
  final LoopbackSshServer server;
  final Path identity;
  final Path knownHosts;

  SshFixture(Path dir) throws Exception {
    this.dir = dir;
    this.server = new LoopbackSshServer(HOST_KEY).authorize(USER_KEY.getPublic()).start();
    this.identity = LoopbackSshServer.writeIdentity(dir.resolve("id_test"), USER_KEY, null);
    this.knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
  }

  /** A config with host h1 (this server) and extra YAML (sources, more hosts). */
  LivelogConfig config(String sourcesYaml, String extraHostsYaml) {
    String yaml = "hosts:\n"
        + "  h1: {hostname: 127.0.0.1, port: " + server.port() + ", user: tester,"
        + " identity_file: '" + identity + "', known_hosts: '" + knownHosts + "',"
        + " connect_timeout: 3s, keepalive_interval: 1s, poll_interval: 20ms}\n"
        + extraHostsYaml
        + "formats:\n"
        + "  numbered: {regex: '^(?P<n>\\d+) (?P<text>.*)$', types: {n: int}}\n"
        + "sources:\n" + sourcesYaml
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {port: 0}\n"
        + "pipeline: {batch_delay: 20ms, batch_lines: 200}\n";
    LivelogConfig config = ConfigLoader.parse(yaml);
    dev.livelog.common.config.StructureValidator.validate(config);
    ConfigCheck.validate(config);
    return config;
  }

  static LivelogNode start(LivelogConfig config) throws Exception {
    return LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void stop(LivelogNode node) throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Every stored event, by source and byte offset. */
  static List<LogEvent> events(LivelogNode node) throws Exception {
    List<LogEvent> all = node.store().events(Long.MIN_VALUE + 1, Long.MAX_VALUE, 1_000_000)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return all.stream().sorted(Comparator.comparing(LogEvent::source)
        .thenComparingLong(LogEvent::offset)).toList();
  }

  /** Appends lines {@code N line N} for N from {@code from} to {@code to}, creating the file. */
  static void appendLines(Path log, int from, int to) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(i).append(" line ").append(i).append('\n');
    }
    java.nio.file.Files.writeString(log, b, java.nio.charset.StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  static long count(LivelogNode node) {
    try {
      return node.store().countEvents().toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  static void await(String what, long millis, BooleanSupplier condition) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** The latest status each source published on livelog.status.sources. */
  static Map<String, JsonObject> statuses(LivelogNode node) {
    Map<String, JsonObject> latest = new ConcurrentHashMap<>();
    node.vertx().eventBus().<JsonObject>consumer("livelog.status.sources",
        m -> latest.put(m.body().getString("id"), m.body()));
    return latest;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
