package dev.livelog.bench;

import dev.livelog.app.ConfigCheck;
import dev.livelog.app.LivelogNode;
import dev.livelog.app.Role;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * The live pipeline in one JVM, as {@code livelog run} deploys it: a file source on a log of N
 * combined lines (a burst: all written before the start), parsers, the embedded store and the
 * analyzer. Prints lines/s until every line is stored (zero loss is checked: stored == lines)
 * and the peak heap used. Run it with {@code -Xmx512m} to hold the heap to the target.
 *
 * <p>usage: java -Xmx512m -cp bench/target/benchmarks.jar dev.livelog.bench.PipelineBench LOG LINES
 */
public final class PipelineBench {
  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]).toAbsolutePath();
    long lines = Long.parseLong(args[1]);
    Path data = Files.createTempDirectory("livelog-bench-pipeline");
    LivelogConfig config = ConfigLoader.parse("""
        sources: [{id: bench, path: "%s", format: combined, from: start}]
        groups:
          status:
            label: Status classes
            analyzers: [{metric: rate, by: status, by_class: true}]
          paths:
            label: Top paths
            chart: {type: table}
            analyzers: [{metric: top, field: path, top: 10}]
        # The generated log is dated in the past: keep it, or retention would delete it.
        storage: {data_dir: "%s", retention: 3650d}
        web: {port: 0}
        pipeline: {batch_lines: %s, in_flight: %s}
        """.formatted(log, data, System.getProperty("batch", "1000"), System.getProperty("inflight", "8")));
    ConfigCheck.validate(config);
    long launched = System.nanoTime();
    LivelogNode node = LivelogNode.start(config, EnumSet.allOf(Role.class), false)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long started = System.nanoTime(); // sustained rate: from the node being up
    java.util.concurrent.atomic.AtomicReference<io.vertx.core.json.JsonObject> status =
        new java.util.concurrent.atomic.AtomicReference<>();
    node.vertx().eventBus().<io.vertx.core.json.JsonObject>consumer(
        dev.livelog.common.bus.Addresses.SOURCE_STATUS, m -> status.set(m.body()));
    System.err.printf("  node up in %.2f s%n", (started - launched) / 1e9);
    long stored = 0;
    long lastPrint = 0;
    while (stored < lines) {
      Thread.sleep(200);
      stored = node.store().countEvents().toCompletionStage().toCompletableFuture().get();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (seconds - lastPrint >= 5) {
        lastPrint = (long) seconds;
        io.vertx.core.json.JsonObject st = status.get();
        System.err.printf("  %,d stored after %.0f s; source %s, %s in flight, committed %s, %s bytes behind%n",
            stored, seconds, st == null ? "?" : st.getString("state"), st == null ? "?" : st.getValue("inFlight"),
            st == null ? "?" : st.getValue("committedOffset"), st == null ? "?" : st.getValue("bytesBehind"));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    node.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.out.printf("pipeline (file -> parsers -> embedded store + analyzer): %,d lines stored"
        + " (lost %d) in %.2f s: %,.0f lines/s%n", stored, lines - stored, seconds, stored / seconds);
    System.out.printf("peak heap used: %,d MiB (max heap %,d MiB)%n", peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    System.exit(stored == lines ? 0 : 1);
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
