package dev.livelog.app.analyze;

import dev.livelog.app.ConfigCheck;
import dev.livelog.app.Livelog;
import dev.livelog.app.UsageException;
import dev.livelog.common.config.Encodings;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.parser.FormatDetector;
import dev.livelog.parser.Formats;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code livelog analyze FILE...}: one pass over log files with the live pipeline's parsers
 * and analyzers, no server: a summary on stdout, or one JSON object with {@code --json}.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyze log files in one pass, on all cores: lines, failures, time range,"
        + " status classes, bytes, top paths and clients, and the config's plot groups over"
        + " the whole input. '-' reads stdin.")
public final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files, or - for stdin")
  List<String> inputs;

  @Option(names = {"-f", "--format"}, paramLabel = "F",
      description = "a built-in format or one of the config's formats (default: detected)")
  String format;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "a livelog.yaml for its formats and plot groups")
  Path configFile;

  @Option(names = "--json", description = "print one JSON object for scripts")
  boolean json;

  @Option(names = "--encoding", defaultValue = "UTF-8", description = "encoding of the input (default: ${DEFAULT-VALUE})")
  String encoding;

  @Option(names = "--threads", paramLabel = "N", description = "parsing threads (default: the number of cores)")
  Integer threads;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "top paths and clients to show (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "WHEN",
      description = "a progress line on stderr: auto (on a terminal, for inputs of 64 MiB or"
          + " more and stdin), always, never (default: ${DEFAULT-VALUE})")
  Progress.Mode progressWhen;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LivelogConfig config = configFile == null ? LivelogConfig.empty() : ConfigCheck.load(configFile);
    Charset charset;
    try {
      charset = Encodings.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--encoding: " + e.getMessage());
    }
    List<Input> opened = open(inputs);
    FormatConfig formatConfig = chooseFormat(config, opened.get(0), charset);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    long started = System.nanoTime();
    long totalBytes = opened.stream().mapToLong(Input::size).sum();
    Progress progress = new Progress(spec.commandLine().getErr(), totalBytes, progressWhen);
    ChunkAnalysis result;
    try (ParallelAnalysis analysis = new ParallelAnalysis(formatConfig, config, charset, n)) {
      long before = 0;
      for (int i = 0; i < opened.size(); i++) {
        Input input = opened.get(i);
        long base = before;
        try (InputStream in = input.stream()) {
          analysis.read(i, input.name(), in, done -> progress.update(base + done));
        }
        before += input.size();
      }
      result = analysis.finish(formatConfig, config, charset);
    }
    progress.done();
    double seconds = (System.nanoTime() - started) / 1e9;
    AnalysisReport report = new AnalysisReport(result, formatName(), config, top);
    if (json) {
      spec.commandLine().getOut().println(report.toJson().encodePrettily());
    } else {
      report.printText(spec.commandLine().getOut(), inputs);
    }
    spec.commandLine().getErr().printf("analyzed %,d lines in %.2f s (%,.0f lines/s, %d threads)%n",
        result.summary.lines(), seconds, result.summary.lines() / Math.max(seconds, 1e-9), n);
    return Livelog.EXIT_OK;
  }

  private String formatName() {
    return format;
  }

  /** An input file, or stdin. */
  private record Input(String name, long size, InputStream stdin, Path path) {
    InputStream stream() throws IOException {
      return stdin != null ? stdin : Files.newInputStream(path);
    }
  }

  private static List<Input> open(List<String> names) throws IOException {
    List<Input> out = new ArrayList<>();
    for (String name : names) {
      if (name.equals("-")) {
        out.add(new Input("stdin", 0, new BufferedInputStream(System.in, 1 << 20), null));
        continue;
      }
      Path p = Path.of(name);
      if (!Files.isRegularFile(p)) {
        throw new UsageException(Files.isDirectory(p) ? name + " is a directory" : "no such file: " + name);
      }
      if (!Files.isReadable(p)) {
        throw new UsageException("cannot read " + name + ": permission denied");
      }
      out.add(new Input(name, Files.size(p), null, p));
    }
    return out;
  }

  private FormatConfig chooseFormat(LivelogConfig config, Input first, Charset charset) throws IOException {
    if (format != null) {
      return Formats.resolve(FormatRef.named(format), config.formats());
    }
    List<String> sample = sample(first, charset);
    String detected = FormatDetector.detect(sample);
    if (detected == null) {
      throw new UsageException("cannot tell the format of " + first.name()
          + "; pass --format (built-in: " + String.join(", ", Formats.builtins().names()) + ")");
    }
    format = detected;
    return Formats.resolve(FormatRef.named(detected), config.formats());
  }

  /** The first lines of an input; stdin is marked and reset so nothing is lost. */
  private static List<String> sample(Input input, Charset charset) throws IOException {
    List<String> lines = new ArrayList<>();
    if (input.stdin() != null) {
      input.stdin().mark(1 << 20);
      readLines(input.stdin(), charset, lines);
      input.stdin().reset();
      return lines;
    }
    try (InputStream in = input.stream()) {
      readLines(in, charset, lines);
    }
    return lines;
  }

  private static void readLines(InputStream in, Charset charset, List<String> lines) throws IOException {
    byte[] head = in.readNBytes(256 * 1024);
    BufferedReader r = new BufferedReader(new InputStreamReader(
        new java.io.ByteArrayInputStream(head), charset));
    String line;
    while (lines.size() < 100 && (line = r.readLine()) != null) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
  }
}
