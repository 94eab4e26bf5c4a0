package dev.livelog.bench;

import dev.livelog.analyzer.AnalyticsEngine;
import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.app.demo.CacheLogGenerator;
import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Analyzer throughput on one core: events through the live engine with the example config's
 * plot groups (the seed's cache0 and aurt), against a hand-written loop computing the same two
 * groups with fixed field positions and no configuration, the ceiling an engine could reach.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzerBench {
  static final int EVENTS = 100_000;

  LogEvent[] events;
  LivelogConfig config;
  AnalyticsEngine engine;
  long now;

  @Setup
  public void setUp() throws Exception {
    config = DemoCommand.exampleConfig();
    LineParser parser = Formats.compile(Formats.resolve(
        dev.livelog.common.config.FormatRef.named("nginx_cache"), config.formats()));
    CacheLogGenerator generator = new CacheLogGenerator(42);
    now = System.currentTimeMillis();
    events = new LogEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      // spread over the last 100 seconds, as live traffic would be
      events[i] = parser.parse(generator.line(Instant.ofEpochMilli(now - 100_000 + i)), "s", i);
    }
    engine = new AnalyticsEngine(AnalyzerPlans.compile(config), config.periods());
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void engine(Blackhole bh) {
    for (LogEvent e : events) {
      engine.accept(e, now);
    }
    bh.consume(engine.accepted());
  }

  /** The same two groups by hand: the peer. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void handWritten(Blackhole bh) {
    int status = events[0].schema().indexOf("status");
    int media = events[0].schema().indexOf("media");
    int login = events[0].schema().indexOf("wp_login");
    int upstream = events[0].schema().indexOf("ups_ad");
    int rt = events[0].schema().indexOf("ups_rt");
    long[] cache = new long[5];
    java.util.HashMap<String, double[]> byUpstream = new java.util.HashMap<>();
    for (LogEvent e : events) {
      if ("0".equals(e.value(media))) {
        switch ((String) e.value(status)) {
          case "HIT" -> cache[0]++;
          case "MISS" -> cache[1]++;
          case "EXPIRED" -> cache[2]++;
          case "UPDATING" -> cache[3]++;
          case "STALE" -> cache[4]++;
          default -> { }
        }
      }
      Object l = e.value(login);
      if ((l == null || ((String) l).isBlank()) && e.value(upstream) != null
          && e.value(rt) instanceof Double d) {
        double[] acc = byUpstream.computeIfAbsent((String) e.value(upstream), k -> new double[2]);
        acc[0] += d;
        acc[1]++;
      }
    }
    bh.consume(cache);
    bh.consume(byUpstream);
  }
}
