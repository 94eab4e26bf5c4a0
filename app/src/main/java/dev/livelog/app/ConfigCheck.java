package dev.livelog.app;

import dev.livelog.alert.AlertRules;
import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.parser.Formats;
import dev.livelog.source.SourceKinds;
import dev.livelog.store.StoreKinds;
import java.nio.file.Path;

/**
 * Loads a config and runs every module's checks, so that {@code check-config}, {@code run}
 * and {@code demo} refuse the same mistakes with the same messages before anything starts.
 */
public final class ConfigCheck {
  private ConfigCheck() {}

  /** @throws dev.livelog.common.config.ConfigException naming the field and the reason */
  public static LivelogConfig load(Path file) {
    try {
      LivelogConfig config = ConfigLoader.load(file);
      validate(config);
      return config;
    } catch (dev.livelog.common.config.ConfigException e) {
      throw e.file() == null ? e.inFile(file) : e;
    }
  }

  public static void validate(LivelogConfig config) {
    SourceKinds.validate(config);
    StoreKinds.validate(config.storage());
    Formats.validate(config);
    AnalyzerPlans.validate(config);
    AlertRules.validate(config);
  }
}
