package dev.livelog.app.demo;

import dev.livelog.app.ConfigCheck;
import dev.livelog.app.Livelog;
import dev.livelog.app.LivelogNode;
import dev.livelog.app.NodeRunner;
import dev.livelog.app.ShutdownSignals;
import dev.livelog.app.Role;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.WebConfig;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code livelog demo}: everything in one JVM, fed by a traffic generator that writes the
 * seed's cache log into a temporary folder, followed by a real file source; the plot groups
 * and formats are those of the example {@code livelog.yaml}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start everything in one JVM with generated nginx cache traffic and open the"
        + " dashboard. Data is kept in --data-dir across restarts.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--rate", defaultValue = "200", paramLabel = "N",
      description = "generated lines per second (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--port", defaultValue = "8080", description = "dashboard port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data-dir", defaultValue = "data/demo", paramLabel = "DIR",
      description = "where the embedded store keeps events and history (default: ${DEFAULT-VALUE})")
  String dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || rate > 1_000_000) {
      throw new dev.livelog.app.UsageException("--rate must be between 1 and 1000000");
    }
    Path folder = Files.createTempDirectory("livelog-demo");
    Path log = folder.resolve("cache.log");
    Files.createFile(log);
    LivelogConfig config = demoConfig(log, dataDir, port);
    try {
      return run(config, log);
    } finally {
      // The generated log lives as long as the demo; the data directory is what is kept.
      Files.deleteIfExists(log);
      Files.deleteIfExists(folder);
    }
  }

  private int run(LivelogConfig config, Path log) throws Exception {
    try (TrafficWriter traffic = new TrafficWriter(log, rate)) {
      traffic.start();
      LivelogNode node = NodeRunner.start(config, EnumSet.allOf(Role.class), false);
      spec.commandLine().getErr().printf("livelog demo: writing %d lines/s of nginx cache log to %s%n",
          rate, log);
      spec.commandLine().getOut().printf("dashboard: http://localhost:%d/%n", node.webPort());
      spec.commandLine().getOut().flush();
      return ShutdownSignals.awaitAndStop(node, spec.commandLine().getErr())
          ? Livelog.EXIT_OK : Livelog.EXIT_FAILURE;
    }
  }

  /** The example config with one file source on the generated log. */
  public static LivelogConfig demoConfig(Path log, String dataDir, int port) throws IOException {
    LivelogConfig example = exampleConfig();
    SourceConfig source = SourceConfig.file("demo-cache", log.toString(), "nginx_cache", "start");
    LivelogConfig config = example.withSources(List.of(source))
        .withStorage(EmbeddedStoreKind.inDirectory(dataDir))
        .withWeb(new WebConfig(example.web().host(), port));
    ConfigCheck.validate(config);
    return config;
  }

  /** The example livelog.yaml shipped in the jar. */
  public static LivelogConfig exampleConfig() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("/livelog.yaml")) {
      if (in == null) {
        throw new IOException("livelog.yaml is missing from the jar");
      }
      return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
