package dev.livelog.bench;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.json.JsonLineParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The json format's hand-written reader against its peer, Jackson's streaming parser, paired: each invocation parses the same block of lines with both,
 * in alternating order, under the same {@link JsonLineParser} (plans, types, event times), and
 * counts each one's CPU time and elapsed time. Both are warm and run on the same thread at the
 * same moment, so load from other processes falls on both alike; one parser pair per thread,
 * on one thread and on two. Setup checks that both read the same events from every line.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class JsonReaderPairBench {
  static final int LINES = 2048;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One thread's two parsers and lines. */
  @State(Scope.Thread)
  public static class Input {
    /** {@code json}: nginx escape=json, flat; {@code json_nested}: as Caddy logs, nested. */
    @Param({"json", "json_nested"})
    public String lines;

    LineParser jackson;
    LineParser handWritten;
    String[] text;
    int round;

    @Setup
    public void setup() throws LineRejected {
      handWritten = Formats.compile(FormatConfig.of("builtin", "json"));
      jackson = new JsonLineParser(Map.of(), Map.of(), "time", new JacksonJsonReader());
      text = SampleLines.of(lines, LINES).toArray(String[]::new);
      for (String line : text) {
        LogEvent a = jackson.parse(line, "bench", 0);
        LogEvent b = handWritten.parse(line, "bench", 0);
        if (!a.fields().equals(b.fields()) || a.time() != b.time()) {
          throw new IllegalStateException("the readers disagree on " + line);
        }
      }
    }
  }

  /** Per iteration: lines each reader parsed, and the CPU and elapsed nanoseconds it took. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    public long lines;
    public long jacksonCpu;
    public long handWrittenCpu;
    public long jacksonElapsed;
    public long handWrittenElapsed;

    @Setup(Level.Iteration)
    public void reset() {
      lines = 0;
      jacksonCpu = 0;
      handWrittenCpu = 0;
      jacksonElapsed = 0;
      handWrittenElapsed = 0;
    }
  }

  @Benchmark
  @Threads(1)
  public void oneThread(Input in, Times times, Blackhole bh) throws LineRejected {
    pair(in, times, bh);
  }

  @Benchmark
  @Threads(2)
  public void twoThreads(Input in, Times times, Blackhole bh) throws LineRejected {
    pair(in, times, bh);
  }

  private static void pair(Input in, Times times, Blackhole bh) throws LineRejected {
    boolean jacksonFirst = (in.round++ & 1) == 0;
    if (jacksonFirst) {
      jackson(in, times, bh);
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    long elapsed = System.nanoTime();
    parseAll(in.handWritten, in.text, bh);
    times.handWrittenElapsed += System.nanoTime() - elapsed;
    times.handWrittenCpu += THREADS.getCurrentThreadCpuTime() - cpu;
    if (!jacksonFirst) {
      jackson(in, times, bh);
    }
    times.lines += in.text.length;
  }

  private static void jackson(Input in, Times times, Blackhole bh) throws LineRejected {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long elapsed = System.nanoTime();
    parseAll(in.jackson, in.text, bh);
    times.jacksonElapsed += System.nanoTime() - elapsed;
    times.jacksonCpu += THREADS.getCurrentThreadCpuTime() - cpu;
  }

  private static void parseAll(LineParser parser, String[] lines, Blackhole bh)
      throws LineRejected {
    for (int i = 0; i < lines.length; i++) {
      bh.consume(parser.parse(lines[i], "bench", i));
    }
  }
}
