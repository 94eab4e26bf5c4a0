package dev.livelog.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * One-line logs on stderr (stdout is for command output), with the chatty libraries
 * (Hazelcast, the MongoDB driver, Netty) kept to warnings.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    System.setProperty("hazelcast.logging.type", "jdk");
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Logging.class.getResourceAsStream("/livelog-logging.properties")) {
      LogManager.getLogManager().readConfiguration(in);
      if (verbose) {
        java.util.logging.Logger.getLogger("dev.livelog").setLevel(java.util.logging.Level.FINE);
      }
    } catch (IOException | NullPointerException e) {
      System.err.println("livelog: default logging (" + e + ")");
    }
  }
}
