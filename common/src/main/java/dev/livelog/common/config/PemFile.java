package dev.livelog.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A PEM file a config names ({@code web.tls}, {@code cluster.tls}), read when the server
 * starts so that a missing, unreadable or wrong file names its field and the reason instead
 * of failing deep inside the TLS handshake code.
 */
public final class PemFile {
  public static final String CERTIFICATE = "CERTIFICATE";
  public static final String PRIVATE_KEY = "PRIVATE KEY";

  private PemFile() {}

  /**
   * The file's text, checked to hold a block of the kind ({@link #CERTIFICATE} or
   * {@link #PRIVATE_KEY}, which also matches {@code RSA PRIVATE KEY} and {@code EC PRIVATE KEY}).
   *
   * @throws ConfigException naming {@code field}
   */
  public static String read(String field, String file, String block) {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new ConfigException(field, "cannot read " + file + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null || e.getMessage().equals(file) ? "" : ": " + e.getMessage()) + ")");
    }
    if (!text.contains("-----BEGIN ") || !text.contains(block + "-----")) {
      throw new ConfigException(field, file + " holds no PEM " + block.toLowerCase(Locale.ROOT)
          + " (a '-----BEGIN ..." + block + "-----' block)");
    }
    return text;
  }
}
