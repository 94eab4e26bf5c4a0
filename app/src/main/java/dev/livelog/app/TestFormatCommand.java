package dev.livelog.app;

import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    LineParser parser = Formats.compile(Formats.resolve(FormatRef.named(format), config.formats()));
    PrintWriter out = spec.commandLine().getOut();
    int lines = 0;
    int parsed = 0;
    List<String> failures = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (lines < sample && (line = in.readLine()) != null) {
        lines++;
        try {
          parser.parse(line, "test", 0);
          parsed++;
        } catch (LineRejected r) {
          if (failures.size() < show) {
            failures.add(describe(lines, line, r));
          }
        }
      }
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    }
    out.printf("%s: %d of %d lines parsed (%.1f%%) with format %s%n", file, parsed, lines,
        lines == 0 ? 0.0 : 100.0 * parsed / lines, format);
    out.println("fields: " + String.join(", ", parser.schema().names()));
    failures.forEach(out::println);
    return parsed == lines ? Livelog.EXIT_OK : Livelog.EXIT_FAILURE;
  }

  private static String describe(int number, String line, LineRejected r) {
    StringBuilder s = new StringBuilder("line ").append(number).append(": ").append(r.getMessage());
    String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    s.append("\n  ").append(shown);
    if (r.position() >= 0 && r.position() <= 200) {
      s.append("\n  ").append(" ".repeat(r.position())).append("^ here");
    }
    return s.toString();
  }
}
