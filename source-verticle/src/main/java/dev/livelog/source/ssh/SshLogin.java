package dev.livelog.source.ssh;

import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/**
 * Authenticates as a host's {@code user}: with its {@code identity_file} (decrypted with the
 * passphrase from {@code passphrase_env}), then a password from {@code password_env}; with
 * neither, the default keys ({@code ~/.ssh/id_ed25519}, {@code id_rsa}, ...) as OpenSSH
 * would. Secrets are read from the environment at connection time and never put in messages.
 */
final class SshLogin {
  private final String field;
  private final HostConfig host;
  private final Map<String, String> env;

  SshLogin(String hostName, HostConfig host, Map<String, String> env) {
    this.field = "hosts." + hostName;
    this.host = host;
    this.env = env;
  }

  void authenticate(SSHClient client, String label) throws IOException {
    List<AuthMethod> methods = new ArrayList<>();
    List<String> tried = new ArrayList<>();
    if (host.identityFile() != null) {
      methods.add(new AuthPublickey(key(client)));
      tried.add("publickey with " + host.identityFile());
    }
    if (host.passwordEnv() != null) {
      methods.add(new AuthPassword(PasswordUtils.createOneOff(secret("password_env",
          host.passwordEnv()).toCharArray())));
      tried.add("password from $" + host.passwordEnv());
    }
    try {
      if (methods.isEmpty()) {
        tried.add("the default keys in ~/.ssh");
        client.authPublickey(host.user());
      } else {
        client.auth(host.user(), methods);
      }
    } catch (UserAuthException e) {
      throw new IOException(label + ": authentication refused for user '" + host.user()
          + "' (tried " + String.join(", then ", tried) + ")", e);
    }
  }

  private KeyProvider key(SSHClient client) throws IOException {
    Path file = ConfigPaths.of(host.identityFile());
    if (!Files.isReadable(file)) {
      throw new IOException(field + ".identity_file: cannot read " + file
          + (Files.exists(file) ? " (permission denied)" : " (no such file)"));
    }
    if (host.passphraseEnv() == null) {
      return client.loadKeys(file.toString());
    }
    char[] passphrase = secret("passphrase_env", host.passphraseEnv()).toCharArray();
    return client.loadKeys(file.toString(), PasswordUtils.createOneOff(passphrase));
  }

  private String secret(String key, String name) throws IOException {
    String value = env.get(name);
    if (value == null) {
      throw new IOException(field + "." + key + ": the environment variable " + name
          + " is not set");
    }
    return value;
  }
}
