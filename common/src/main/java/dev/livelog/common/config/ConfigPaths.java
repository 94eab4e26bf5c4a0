package dev.livelog.common.config;

import java.nio.file.Path;

/** Paths as the config writes them: a leading {@code ~/} is the home of the user livelog runs as. */
public final class ConfigPaths {
  private ConfigPaths() {}

  /** The file a configured path names, e.g. {@code ~/.ssh/known_hosts} or {@code logs/access.log}. */
  public static Path of(String configured) {
    return Path.of(configured.startsWith("~/")
        ? System.getProperty("user.home") + configured.substring(1) : configured);
  }
}
