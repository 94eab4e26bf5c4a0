package dev.livelog.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The faults the chaos run injects, each with what it does to the {@link Testbed}. A fault
 * returns a one-line description of what it did, for the run's log.
 */
enum Fault {
  KILL_9("kill-9", "livelog killed (SIGKILL) and started again", bed -> {
    bed.livelog().kill();
    bed.livelog().start();
    return "killed and restarted";
  }),
  SIGTERM("sigterm", "livelog stopped (SIGTERM) and started again", bed -> {
    String stop = bed.livelog().terminate();
    bed.livelog().start();
    return stop + ", restarted";
  }),
  ROTATE("rotate", "log renamed while livelog runs, the writer reopens it",
      bed -> rotate(bed, false)),
  ROTATE_GZ("rotate-gz", "log renamed and compressed at once while livelog runs",
      bed -> rotate(bed, true)),
  ROTATE_STOPPED("rotate-stopped", "log renamed while livelog is stopped",
      bed -> rotateWhileStopped(bed, false)),
  ROTATE_STOPPED_GZ("rotate-stopped-gz", "log renamed and compressed while livelog is stopped",
      bed -> rotateWhileStopped(bed, true)),
  COPYTRUNCATE("copytruncate", "log copied, then truncated in place, while livelog runs", bed -> {
    LogWriter log = bed.anyLog();
    return log.name + " copied to " + log.copyTruncate().getFileName() + " and truncated";
  }),
  SSHD_KILL("sshd-kill", "sshd and its sessions killed (SIGKILL), started again", bed -> {
    bed.sshd().kill();
    Duration down = Duration.ofMillis(1_000 + bed.random().nextInt(4_000));
    Thread.sleep(down.toMillis());
    bed.sshd().restart();
    return "sshd down for " + down.toMillis() + " ms";
  }),
  STORE_OUTAGE("store-outage", "the store unreachable for 10 s", bed -> {
    bed.store().stop();
    Thread.sleep(10_000);
    bed.store().start();
    return bed.store().describeOutage();
  });

  /** What a fault does to the testbed; returns what it did, in one line. */
  private interface Injection {
    String inject(Testbed bed) throws Exception;
  }

  private final String label;
  private final String description;
  private final Injection injection;

  Fault(String label, String description, Injection injection) {
    this.label = label;
    this.description = description;
    this.injection = injection;
  }

  /** The fault's name in lines, tables and arguments. */
  String label() {
    return label;
  }

  String description() {
    return description;
  }

  String inject(Testbed bed) throws Exception {
    return injection.inject(bed);
  }

  private static String rotate(Testbed bed, boolean compress) throws Exception {
    LogWriter log = bed.anyLog();
    // The server goes on writing into the renamed file for a moment, until it reopens.
    long lateMillis = bed.random().nextInt(300);
    Path rotated = log.rotate(compress, () -> sleep(lateMillis));
    return log.name + " -> " + rotated.getFileName() + ", reopened after " + lateMillis + " ms";
  }

  private static String rotateWhileStopped(Testbed bed, boolean compress) throws Exception {
    String stop = bed.livelog().terminate();
    LogWriter log = bed.anyLog();
    Path rotated = log.rotate(compress, () -> sleep(bed.random().nextInt(300)));
    sleep(500 + bed.random().nextInt(2_000)); // lines go on coming while livelog is down
    bed.livelog().start();
    return stop + ", " + log.name + " -> " + rotated.getFileName() + ", restarted";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Faults by their labels, comma-separated; every kind when empty. */
  static List<Fault> parseList(String labels) {
    if (labels.isBlank()) {
      return List.of(values());
    }
    return Arrays.stream(labels.split(",")).map(String::trim).map(Fault::named).toList();
  }

  private static Fault named(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fault '" + label + "'; the faults: "
            + Arrays.stream(values()).map(Fault::label).toList()));
  }
}
