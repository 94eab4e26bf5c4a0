package dev.livelog.app;

import dev.livelog.common.config.LivelogConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code livelog run -c livelog.yaml}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run livelog with a config: follow the sources, store and analyze the events,"
        + " serve the dashboard. Stops cleanly on Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "the config file (livelog.yaml)")
  Path configFile;

  @Option(names = "--roles", paramLabel = "LIST", defaultValue = "source,parser,analyzer,web",
      description = "what this process runs, any of source,parser,analyzer,web (default: all)")
  String roles;

  @Option(names = "--cluster", description = "join the Hazelcast cluster of the config's"
      + " cluster section (default: 127.0.0.1 only)")
  boolean cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Set<Role> selected;
    try {
      selected = Role.parse(roles);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--roles: " + e.getMessage());
    }
    LivelogConfig config = ConfigCheck.load(configFile);
    PrintWriter err = spec.commandLine().getErr();
    LivelogNode node = NodeRunner.start(config, selected, cluster);
    err.printf("livelog: running %s with %d sources%s%n",
        selected.stream().map(Role::label).collect(Collectors.joining(", ")),
        selected.contains(Role.SOURCE) ? config.sources().size() : 0,
        cluster ? ", clustered" : "");
    if (node.servesDashboard()) {
      spec.commandLine().getOut().printf("dashboard: http://%s:%d/%n",
          NodeRunner.displayHost(config.web().host()), node.webPort());
    }
    return ShutdownSignals.awaitAndStop(node, err) ? Livelog.EXIT_OK : Livelog.EXIT_FAILURE;
  }
}
