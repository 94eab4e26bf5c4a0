package dev.livelog.bench;

import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lines per second from text to typed events, per format, on one thread and on two. One
 * operation is one line: each call parses a block of {@link #LINES} lines. Each thread has its
 * own parser, as each parser verticle instance has.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FormatThroughput {
  static final int LINES = 4096;

  /** One thread's parser and lines. */
  @State(Scope.Thread)
  public static class Input {
    @Param({"combined", "main", "common", "json", "seed_cache", "combined_regex"})
    public String format;

    LineParser parser;
    String[] lines;

    @Setup
    public void setup() throws LineRejected {
      parser = BenchFormats.parser(format);
      List<String> sample = SampleLines.of(format, LINES);
      lines = sample.toArray(String[]::new);
      for (String line : lines) {
        parser.parse(line, "bench", 0); // every sample line must parse, or the figure lies
      }
    }
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(LINES)
  public void oneThread(Input in, Blackhole bh) throws LineRejected {
    parseAll(in, bh);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(LINES)
  public void twoThreads(Input in, Blackhole bh) throws LineRejected {
    parseAll(in, bh);
  }

  private static void parseAll(Input in, Blackhole bh) throws LineRejected {
    LineParser parser = in.parser;
    String[] lines = in.lines;
    for (int i = 0; i < lines.length; i++) {
      LogEvent e = parser.parse(lines[i], "bench", i);
      bh.consume(e);
    }
  }
}
