package dev.livelog.app;

import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code livelog test-format FORMAT FILE}: how much of a sample a format parses, and the first
 * failures with a marker where matching stopped, to fix a format in a minute.
 */
@Command(name = "test-format", mixinStandardHelpOptions = true,
    description = "Parse a sample of FILE with FORMAT (a built-in name, or one defined in"
        + " --config) and show the parse rate and the first failures.")
final class TestFormatCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FORMAT") String format;
  @Parameters(index = "1", paramLabel = "FILE") Path file;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "a livelog.yaml whose formats section defines FORMAT")
  Path configFile;

  @Option(names = "--lines", defaultValue = "1000", description = "lines to sample (default: ${DEFAULT-VALUE})")
  int sample;

  @Option(names = "--show", defaultValue = "5", description = "failures to show (default: ${DEFAULT-VALUE})")
  int show;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LivelogConfig config = configFile == null ? LivelogConfig.empty() : ConfigCheck.load(configFile);
    LineParser parser = Formats.compile(Formats.resolve(FormatRef.named(format), config.formats()),
        config.formats());
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    FormatSample sample = FormatSample.of(parser, file, StandardCharsets.UTF_8, this.sample, show);
    out.printf("%s: %s with format %s%n", file, sample.rate(), format);
    out.println("fields: " + String.join(", ", parser.schema().names()));
    parser.regexEngine().ifPresent(engine -> out.println("regex runs on " + engine));
    sample.failures.forEach(f -> out.println(FormatSample.describe(f)));
    return sample.parsed == sample.lines ? Livelog.EXIT_OK : Livelog.EXIT_FAILURE;
  }
}
