package dev.livelog.app;

import dev.livelog.common.config.Encodings;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.Formats;
import dev.livelog.source.SourceKinds;
import dev.livelog.store.StoreKinds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code livelog check-config FILE}: validates a config and summarises what it declares. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a livelog.yaml: unknown keys, wrong types, bad regexes and"
        + " references are reported with the field and the reason (exit code 2). What SSH hosts"
        + " need on this machine (key files, known_hosts, secrets in the environment) is only"
        + " warned about: the config may be meant for another machine. Then the first lines of"
        + " each local source's file are parsed with its format: the parse rate and the first"
        + " failures, with where matching stopped.")
final class CheckConfigCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the config file, e.g. livelog.yaml")
  Path file;

  @Option(names = "--sample", defaultValue = "200", paramLabel = "N",
      description = "parse the first N lines of each local source's file with its format"
          + " (0: do not; default: ${DEFAULT-VALUE})")
  int sample;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LivelogConfig config = ConfigCheck.load(file);
    spec.commandLine().getOut().printf("%s: OK: %d hosts, %d sources, %d formats, %d periods (%s),"
            + " %d plot groups (%s), storage: %s%n", file, config.hosts().size(),
        config.sources().size(), config.formats().size(), config.periods().size(),
        String.join(", ", config.periods().stream().map(p -> p.name()).toList()),
        config.groups().size(), String.join(", ", config.groups().keySet()),
        StoreKinds.of(config.storage()).describe(config.storage()));
    if (!config.alerts().isEmpty()) {
      spec.commandLine().getOut().printf("alerts: %d rule%s (%s), told to %s%n", config.alerts().size(),
          config.alerts().size() == 1 ? "" : "s",
          String.join(", ", config.alerts().keySet()), config.notifications().receivers().isEmpty()
              ? "no receiver (shown on the dashboard and logged; add notify.receivers to be told)"
              : String.join(", ", config.notifications().receivers().keySet()));
    }
    for (String warning : HostEnvironmentCheck.warnings(config, System.getenv())) {
      spec.commandLine().getOut().println("warning: " + warning);
    }
    Formats.regexEngines(config).forEach((format, engine) ->
        spec.commandLine().getOut().printf("%s: regex runs on %s%n", format, engine));
    if (sample > 0) {
      config.sources().forEach(source -> sampleSource(source, config));
    }
    return Livelog.EXIT_OK;
  }

  /** The parse rate of a local source's first lines, and its first failures. */
  private void sampleSource(SourceConfig source, LivelogConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    String name = "source " + source.id() + " (format " + source.format() + ")";
    Optional<Path> file = SourceKinds.of(source).sampleFile(source); // as `run` reads it
    if (file.isEmpty()) {
      out.printf("%s: not a local file, not sampled%n", name);
      return;
    }
    Path path = file.get();
    if (!Files.isReadable(path) || !Files.isRegularFile(path)) {
      out.printf("%s: %s cannot be read here, not sampled%n", name, path);
      return;
    }
    try {
      FormatSample s = FormatSample.of(Formats.forSource(source, config), path,
          Encodings.forName(source.encoding()), sample, 3);
      out.printf("%s: %s: %s%n", name, path, s.rate());
      s.failures.forEach(f -> out.println(FormatSample.describe(f)));
    } catch (IOException e) {
      out.printf("%s: %s cannot be read: %s%n", name, path, e.getMessage());
    }
  }
}
