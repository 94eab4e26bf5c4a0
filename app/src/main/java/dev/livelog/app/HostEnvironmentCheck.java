package dev.livelog.app;

import dev.livelog.common.config.ConfigPaths;
import dev.livelog.common.config.HostConfig;
import dev.livelog.common.config.LivelogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an SSH host needs on the machine that connects: key files, known_hosts, secrets in the
 * environment; and the secrets alert receivers name. These are warnings, not config errors: a config is often checked on another
 * machine than the one that runs it (a laptop, CI), where the keys are rightly absent. When
 * livelog runs, the same problems are the source's error on the status API, and it retries.
 */
final class HostEnvironmentCheck {
  private HostEnvironmentCheck() {}

  static List<String> warnings(LivelogConfig config, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    config.hosts().forEach((name, host) -> check("hosts." + name, host, env, out));
    config.notifications().receivers().forEach((name, receiver) -> {
      for (String[] variable : new String[][] {{"url_env", receiver.urlEnv()},
          {"bearer_token_env", receiver.bearerTokenEnv()}}) {
        if (variable[1] != null && !env.containsKey(variable[1])) {
          out.add("notify.receivers." + name + "." + variable[0] + ": the environment variable "
              + variable[1] + " is not set here (livelog run stops without it)");
        }
      }
    });
    return out;
  }

  private static void check(String field, HostConfig host, Map<String, String> env,
      List<String> out) {
    if (host.identityFile() != null) {
      Path key = ConfigPaths.of(host.identityFile());
      if (!Files.isReadable(key)) {
        out.add(field + ".identity_file: " + key + " is not readable here");
      }
    }
    Path known = ConfigPaths.of(host.knownHosts());
    if (!Files.exists(known) && !host.acceptsNewKeys()) {
      out.add(field + ".known_hosts: " + known + " does not exist here, so the host key cannot be"
          + " verified (add it with ssh-keyscan, or set host_key_policy: accept-new)");
    }
    for (String name : new String[] {host.passphraseEnv(), host.passwordEnv()}) {
      if (name != null && !env.containsKey(name)) {
        out.add(field + ": the environment variable " + name + " is not set here");
      }
    }
  }
}
