package dev.livelog.web;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.WebAuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key that signs session cookies: from the environment variable
 * {@code web.auth.session_secret_env} names (shared by every web process of a cluster, so a
 * browser's session works on all of them), or else made once at random and kept in the data
 * directory ({@value #FILE}, readable by its owner only), so sessions survive a restart.
 */
final class SessionSecret {
  static final String FILE = "session-secret";
  static final int MIN_LENGTH = 32;

  private SessionSecret() {}

  /** @throws ConfigException naming web.auth.session_secret_env */
  static byte[] load(WebAuthConfig auth, Map<String, String> env, Path dataDir) {
    String field = "web.auth.session_secret_env";
    if (auth.sessionSecretEnv() != null) {
      String value = env.get(auth.sessionSecretEnv());
      if (value == null || value.isEmpty()) {
        throw new ConfigException(field, "environment variable " + auth.sessionSecretEnv() + " is not set");
      }
      if (value.length() < MIN_LENGTH) {
        throw new ConfigException(field, auth.sessionSecretEnv() + " holds " + value.length()
            + " characters; a session secret needs at least " + MIN_LENGTH
            + " random ones (e.g. openssl rand -hex 32)");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve(FILE);
    try {
      return Files.exists(file) ? read(file) : create(file);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(field, "not set, and the session secret cannot be kept in "
          + file.toAbsolutePath() + " (" + e.getMessage() + "); set it to an environment"
          + " variable holding " + MIN_LENGTH + " or more random characters");
    }
  }

  private static byte[] read(Path file) throws IOException {
    byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
    if (secret.length < MIN_LENGTH) {
      throw new IOException("it holds " + secret.length + " bytes, fewer than " + MIN_LENGTH);
    }
    return secret;
  }

  private static byte[] create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] secret = new byte[MIN_LENGTH];
    new SecureRandom().nextBytes(secret);
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".new");
    try {
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions apply.
      }
      Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n");
      Files.move(temporary, file); // fails if another process made one meanwhile: use that
      return secret;
    } catch (FileAlreadyExistsException raced) {
      return read(file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
