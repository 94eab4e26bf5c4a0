package dev.livelog.app;

import dev.livelog.common.config.LivelogConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code livelog check-config FILE}: validates a config and summarises what it declares. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a livelog.yaml: unknown keys, wrong types, bad regexes and"
        + " references are reported with the field and the reason (exit code 2). What SSH hosts"
        + " need on this machine (key files, known_hosts, secrets in the environment) is only"
        + " warned about: the config may be meant for another machine.")
final class CheckConfigCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the config file, e.g. livelog.yaml")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LivelogConfig config = ConfigCheck.load(file);
    spec.commandLine().getOut().printf("%s: OK: %d hosts, %d sources, %d formats, %d periods (%s),"
            + " %d plot groups (%s), storage: %s%n", file, config.hosts().size(),
        config.sources().size(), config.formats().size(), config.periods().size(),
        String.join(", ", config.periods().stream().map(p -> p.name()).toList()),
        config.groups().size(), String.join(", ", config.groups().keySet()),
        config.storage().usesMongo() ? "MongoDB" : "embedded, in " + config.storage().dataDir());
    for (String warning : HostEnvironmentCheck.warnings(config, System.getenv())) {
      spec.commandLine().getOut().println("warning: " + warning);
    }
    return Livelog.EXIT_OK;
  }
}
