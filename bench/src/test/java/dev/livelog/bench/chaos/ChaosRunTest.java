package dev.livelog.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's short form (bench/chaos.sh runs the long one): about two minutes, one fault
 * of each kind in a random order, against a real {@code livelog run} process, Debian's sshd on
 * loopback and a MongoDB wire-protocol server. Every line still on disk is in the store
 * exactly once, counted from the store. A failure prints the seed; {@code -Dchaos.seed=N}
 * runs the same faults again.
 */
class ChaosRunTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void oneFaultOfEachKindLosesAndDoublesNothing() throws Exception {
    long seed = Long.getLong("chaos.seed", new Random().nextLong());
    List<String> launcher = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "dev.livelog.app.Livelog");
    ChaosReport report = new ChaosRun(new ChaosRun.Settings(Duration.ofMinutes(2),
        Fault.values().length, dir, launcher, seed, 20), System.out).run();
    String table = report.table();
    System.out.print(table);

    assertThat(report.faults()).isEqualTo(Fault.values().length);
    for (Fault fault : Fault.values()) {
      assertThat(report.injected(fault.label())).as(fault.label()).isEqualTo(1);
    }
    assertThat(report.written()).as("lines written").isGreaterThan(5_000);
    assertThat(report.problems()).as(table).isEmpty();
    assertThat(report.corruptRows()).as("rows read from the wrong place\n" + table).isZero();
    assertThat(report.deadLetters()).as("dead letters\n" + table).isZero();
    assertThat(report.lost()).as("lines lost\n" + table).isZero();
    assertThat(report.duplicated()).as("lines stored twice\n" + table).isZero();
  }
}
