package dev.livelog.bench.chaos;

import dev.livelog.source.ssh.LoopbackSshServer;
import dev.livelog.source.ssh.OpenSshServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chaos run: writers append numbered lines to two local logs and to two logs on an OpenSSH
 * server on loopback, at a steady rate, while faults are injected at random ({@link Fault});
 * livelog ({@code livelog run}, its own process) follows the four logs into a MongoDB
 * wire-protocol store. At the end every line still on disk must be in the store exactly once:
 * {@link ChaosReport} counts it from the store, per fault.
 *
 * <p>Usage: {@code ChaosRun MINUTES FAULTS DIR LAUNCHER...}, e.g. {@code ChaosRun 10 50
 * /tmp/chaos java -jar app/target/livelog.jar}; {@code -Dchaos.seed=N} repeats a run's faults,
 * {@code -Dchaos.rate=N} sets each writer's lines per second (default 20), {@code
 * -Dchaos.faults=copytruncate,rotate} limits the faults to those kinds. Exits 0 when nothing
 * was lost or duplicated, 1 otherwise.
 */
public final class ChaosRun implements Testbed {
  static final String DATABASE = "chaos";
  private static final Duration READY_LIMIT = Duration.ofSeconds(120);
  private static final Duration MIN_GAP = Duration.ofSeconds(3);
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(10);
  private static final int CAUGHT_UP_POLLS = 3;
  private static final KeyPair USER_KEY = LoopbackSshServer.newKeyPair();
  /** Held, so that its level is not collected away with it. */
  private static final java.util.logging.Logger STORE_SERVER_LOG =
      java.util.logging.Logger.getLogger("de.bwaldvogel.mongo");

  /** What a run does: how long, how many faults, where, how livelog is launched. */
  public record Settings(Duration length, int faults, Path dir, List<String> launcher, long seed,
      int linesPerSecond, List<Fault> kinds) {
    /** Every kind of fault. */
    public Settings(Duration length, int faults, Path dir, List<String> launcher, long seed,
        int linesPerSecond) {
      this(length, faults, dir, launcher, seed, linesPerSecond, List.of(Fault.values()));
    }
  }

  private final Settings settings;
  private final PrintStream out;
  private final Random random;
  private final Ledger ledger = new Ledger();
  private final List<LogWriter> logs = new ArrayList<>();
  private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
  private final List<String> notes = new ArrayList<>();
  private final List<Fault> deck = new ArrayList<>();
  private final AtomicReference<Exception> writeFailure = new AtomicReference<>();
  private WireMongo store;
  private OpenSshServer sshd;
  private LivelogProcess livelog;
  private long startedAt;

  public ChaosRun(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.random = new Random(settings.seed());
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: ChaosRun MINUTES FAULTS DIR LAUNCHER...");
      System.exit(2);
    }
    quietLogging();
    Settings settings = new Settings(
        Duration.ofMillis(Math.round(Double.parseDouble(args[0]) * 60_000)),
        Integer.parseInt(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length),
        Long.getLong("chaos.seed", new Random().nextLong()), Integer.getInteger("chaos.rate", 20),
        Fault.parseList(System.getProperty("chaos.faults", "")));
    ChaosReport report = new ChaosRun(settings, System.out).run();
    System.out.println();
    System.out.print(report.table());
    System.exit(report.passed() ? 0 : 1);
  }

  /**
   * This JVM's own logging would drown the run's lines: the store server reports every client
   * connection cut by a killed livelog, which is the point of the run.
   */
  public static void quietLogging() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.SEVERE);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.SEVERE);
    }
    STORE_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
  }

  /** Runs the whole thing and says what the store holds. */
  public ChaosReport run() throws Exception {
    Files.createDirectories(settings.dir());
    ScheduledExecutorService writers = Executors.newSingleThreadScheduledExecutor();
    // Interrupted (Ctrl-C, a test's timeout), the run leaves no livelog or sshd behind.
    Thread cleanUp = new Thread(this::closeProcesses);
    Runtime.getRuntime().addShutdownHook(cleanUp);
    try {
      setUp();
      startedAt = System.currentTimeMillis();
      int perTick = Math.max(1, settings.linesPerSecond() / 10);
      writers.scheduleAtFixedRate(() -> writeTick(perTick), 0, 100, TimeUnit.MILLISECONDS);
      livelog.start();
      String notReady = livelog.awaitReady(READY_LIMIT);
      if (notReady != null) {
        throw new IllegalStateException("livelog did not get ready: " + notReady
            + "\n" + tail(livelog.output()));
      }
      say("livelog ready; %d faults over %s", settings.faults(), settings.length());
      injectFaults();
      awaitPlannedEnd();
      BitSet onDisk = stopWriting(writers);
      awaitCaughtUp();
      say("livelog: %s", livelog.terminate());
      return report(StoredLines.read(store.uri(), ledger.written()), onDisk);
    } finally {
      writers.shutdownNow();
      closeProcesses();
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    }
  }

  /** Stops the writers; returns the sequence numbers of every line on disk now. */
  private BitSet stopWriting(ScheduledExecutorService writers) throws Exception {
    writers.shutdown();
    writers.awaitTermination(10, TimeUnit.SECONDS);
    if (writeFailure.get() != null) {
      throw new IllegalStateException("a writer failed", writeFailure.get());
    }
    BitSet onDisk = new BitSet();
    for (LogWriter log : logs) {
      log.close();
      log.linesOnDisk(onDisk);
    }
    say("writers stopped: %d lines written, %d on disk; waiting for livelog to catch up",
        ledger.written(), onDisk.cardinality());
    return onDisk;
  }

  private ChaosReport report(StoredLines stored, BitSet onDisk) {
    notes.addAll(livelog.uncleanStops().stream()
        .map(s -> "a SIGTERM stop over 10 s or not exit 0: " + s).toList());
    List<String> problems = new ArrayList<>();
    livelog.exits().forEach(e -> problems.add("livelog " + e));
    return ChaosReport.of(settings, ledger, stored, onDisk, injected, describeTestbed(),
        livelog.starts(), problems, notes);
  }

  private void closeProcesses() {
    close(livelog);
    close(sshd);
    close(store);
  }

  private void setUp() throws Exception {
    Path dir = settings.dir();
    store = new WireMongo(dir.resolve("mongo.mv"));
    store.start();
    Path sshDir = Files.createDirectories(dir.resolve("sshd"));
    sshd = OpenSshServer.start(sshDir, USER_KEY.getPublic());
    Path identity = LoopbackSshServer.writeIdentity(sshDir.resolve("id_chaos"), USER_KEY, null);
    Path knownHosts = sshd.writeKnownHosts(sshDir.resolve("known_hosts"));
    for (String name : List.of("local-a", "local-b", "ssh-a", "ssh-b")) {
      boolean overSsh = name.startsWith("ssh");
      logs.add(new LogWriter(name, dir.resolve(overSsh ? "remote" : "local")
          .resolve(name).resolve("access.log"), overSsh, random.nextLong()));
    }
    int webPort = freePort();
    Path config = dir.resolve("livelog.yaml");
    Files.writeString(config, config(identity, knownHosts, webPort));
    livelog = new LivelogProcess(settings.launcher(), config,
        logs.stream().map(log -> log.name).toList(), webPort, dir.resolve("livelog.out"));
  }

  private String config(Path identity, Path knownHosts, int webPort) {
    StringBuilder sources = new StringBuilder();
    for (LogWriter log : logs) {
      sources.append("  - {id: ").append(log.name).append(log.overSsh ? ", host: loopback" : "")
          .append(", path: '").append(log.path).append("', format: chaos, from: start}\n");
    }
    return """
        # Written by the chaos run (bench/chaos.sh).
        hosts:
          loopback: {hostname: 127.0.0.1, port: %d, user: %s, identity_file: '%s',
                     known_hosts: '%s', connect_timeout: 5s, keepalive_interval: 2s}
        formats:
          chaos: {regex: '%s', types: {seq: int, check: int}}
        sources:
        %sstorage:
          data_dir: '%s'
          retention: 3650d
          mongo: {uri: '%s', database: %s}
        pipeline: {batch_lines: 200, batch_delay: 100ms}
        web: {host: 127.0.0.1, port: %d}
        """.formatted(sshd.port(), System.getProperty("user.name"), identity, knownHosts,
        LogWriter.REGEX, sources, settings.dir().resolve("data"), store.uri(), DATABASE, webPort);
  }

  private void writeTick(int lines) {
    try {
      for (LogWriter log : logs) {
        log.append(ledger, lines);
      }
    } catch (IOException | RuntimeException e) {
      writeFailure.compareAndSet(null, e);
      throw new IllegalStateException(e);
    }
  }

  /**
   * The faults, at random gaps spread over what is left of the run (at least
   * {@link #MIN_GAP}, so each fault has lines of its own); each waits for livelog to be ready
   * again, so a fault meets a running livelog, not one still recovering from the last.
   */
  private void injectFaults() throws Exception {
    long end = startedAt + settings.length().toMillis();
    for (int i = 0; i < settings.faults(); i++) {
      long share = (end - System.currentTimeMillis()) / (settings.faults() - i + 1);
      Thread.sleep(Math.max(MIN_GAP.toMillis(), (long) (share * (0.5 + random.nextDouble()))));
      Fault fault = draw();
      ledger.faultBegins(fault);
      long began = System.currentTimeMillis();
      String what = fault.inject(this);
      injected.merge(fault, 1, Integer::sum);
      String notReady = livelog.awaitReady(READY_LIMIT);
      long took = System.currentTimeMillis() - began;
      say("fault %d/%d %s: %s; %s after %.1f s", i + 1, settings.faults(), fault.label(), what,
          notReady == null ? "ready" : "NOT ready (" + notReady + ")", took / 1000.0);
      if (notReady != null) {
        notes.add("not ready " + READY_LIMIT.toSeconds() + " s after fault " + (i + 1) + " ("
            + fault.label() + "): " + notReady);
      }
    }
  }

  /** Faults come in rounds holding every kind once, in a random order. */
  private Fault draw() {
    if (deck.isEmpty()) {
      deck.addAll(settings.kinds());
      Collections.shuffle(deck, random);
    }
    return deck.remove(deck.size() - 1);
  }

  /** Writing goes on until the planned length, and a gap past the last fault. */
  private void awaitPlannedEnd() throws InterruptedException {
    sleepUntil(Math.max(startedAt + settings.length().toMillis(),
        System.currentTimeMillis() + MIN_GAP.toMillis()));
  }

  /**
   * Waits until livelog has stored everything it can: every source streaming, nothing unread,
   * nothing unacknowledged, on {@link #CAUGHT_UP_POLLS} polls in a row (statuses come every
   * 2 s); at most {@link #CATCH_UP_LIMIT}, after which the report shows what is missing.
   */
  private void awaitCaughtUp() throws Exception {
    long deadline = System.currentTimeMillis() + CATCH_UP_LIMIT.toMillis();
    int inARow = 0;
    String last = "";
    while (inARow < CAUGHT_UP_POLLS) {
      if (System.currentTimeMillis() > deadline) {
        say("livelog did not catch up within %s: %s", CATCH_UP_LIMIT, last);
        notes.add("livelog did not catch up within " + CATCH_UP_LIMIT + ": " + last);
        return;
      }
      Thread.sleep(2_500);
      last = livelog.behind();
      inARow = last == null ? inARow + 1 : 0;
    }
    say("livelog caught up: every source streaming, nothing unread or unacknowledged");
  }

  private String describeTestbed() {
    return String.format(Locale.ROOT, "%d logs (2 local, 2 over %s on 127.0.0.1:%d), %d lines/s"
        + " each; store: MongoDB wire protocol on 127.0.0.1:%d (mongo-java-server with an H2 file;"
        + " no real mongod is installable here); seed %d", logs.size(), sshVersion(), sshd.port(),
        settings.linesPerSecond(), store.port(), settings.seed());
  }

  private static String sshVersion() {
    try {
      Process p = new ProcessBuilder("/usr/sbin/sshd", "-V").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return v.isEmpty() ? "OpenSSH sshd" : v.split("[,\\s]")[0];
    } catch (IOException | InterruptedException e) {
      return "OpenSSH sshd";
    }
  }

  private void say(String format, Object... args) {
    long s = (System.currentTimeMillis() - startedAt) / 1000;
    out.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private static void sleepUntil(long time) throws InterruptedException {
    long wait = time - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void close(AutoCloseable resource) {
    try {
      if (resource != null) {
        resource.close();
      }
    } catch (Exception e) {
      System.err.println("chaos: closing " + resource + ": " + e);
    }
  }

  @Override
  public LivelogProcess livelog() {
    return livelog;
  }

  @Override
  public OpenSshServer sshd() {
    return sshd;
  }

  @Override
  public WireMongo store() {
    return store;
  }

  @Override
  public LogWriter anyLog() {
    return logs.get(random.nextInt(logs.size()));
  }

  @Override
  public Random random() {
    return random;
  }
}
