package dev.livelog.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.app.K8sManifests.K8sObject;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * A container of a workload that runs livelog (the image named {@code livelog}), seen as the
 * application will see it: its arguments parsed by livelog's own command line, its
 * environment as the pod gives it, and the config file that its mounts put at {@code -c}.
 */
record LivelogContainer(K8sObject workload, JsonNode container, List<String> args,
    RunCommand run, Map<String, String> env, ConfigFile configFile) {

  static final String IMAGE = "livelog";

  /** The ConfigMap and key mounted at the path {@code -c} names, and the key's text. */
  record ConfigFile(String configMap, String key, String yaml) {}

  /** What the downward API gives, for the fields the manifests may ask for. */
  static Map<String, String> sampleFieldValues(String namespace) {
    return Map.of(
        "status.podIP", "10.244.1.17",
        "status.hostIP", "192.168.10.4",
        "spec.nodeName", "worker-1",
        "metadata.name", "livelog-pod-0",
        "metadata.namespace", namespace);
  }

  static List<LivelogContainer> all(K8sManifests m) {
    List<LivelogContainer> out = new ArrayList<>();
    for (K8sObject w : m.workloads()) {
      for (JsonNode c : w.podSpec().path("containers")) {
        if (imageName(c.path("image").asText()).equals(IMAGE)) {
          out.add(of(m, w, c));
        }
      }
    }
    return out;
  }

  static String imageName(String image) {
    int at = image.indexOf('@');
    String name = at < 0 ? image : image.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  private static LivelogContainer of(K8sManifests m, K8sObject w, JsonNode c) {
    List<String> args = K8sManifests.texts(c.path("args"));
    RunCommand run = parseRunCommand(w, args);
    Map<String, String> env = environment(m, w, c);
    ConfigFile config = run == null ? null : configFile(m, w, c, run.configFile);
    return new LivelogContainer(w, c, args, run, env, config);
  }

  /** The arguments as {@code livelog} parses them, or null when they are not a run command. */
  private static RunCommand parseRunCommand(K8sObject w, List<String> args) {
    CommandLine.ParseResult parsed = new CommandLine(new Livelog()).parseArgs(args.toArray(String[]::new));
    if (parsed.subcommand() == null
        || !(parsed.subcommand().commandSpec().userObject() instanceof RunCommand run)) {
      return null;
    }
    return run;
  }

  private static Map<String, String> environment(K8sManifests m, K8sObject w, JsonNode c) {
    Map<String, String> fields = sampleFieldValues(m.base.namespace());
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : c.path("env")) {
      String name = var.path("name").asText();
      JsonNode from = var.path("valueFrom");
      if (var.has("value")) {
        env.put(name, var.path("value").asText());
      } else if (from.has("fieldRef")) {
        String field = from.path("fieldRef").path("fieldPath").asText();
        if (!fields.containsKey(field)) {
          throw new AssertionError(w + ": env " + name + ": fieldRef " + field + " is not one this test knows");
        }
        env.put(name, fields.get(field));
      } else if (from.has("secretKeyRef") || from.has("configMapKeyRef")) {
        String kind = from.has("secretKeyRef") ? "Secret" : "ConfigMap";
        JsonNode ref = from.path(kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef");
        String object = ref.path("name").asText();
        String key = ref.path("key").asText();
        Optional<String> value = m.value(kind, object, key);
        if (value.isPresent()) {
          env.put(name, value.get());
        } else if (m.find(kind, object).isEmpty() && !ref.path("optional").asBoolean(false)) {
          // Made by the operator, not by the base (the README says how).
          env.put(name, "<" + kind + " " + object + "/" + key + ">");
        }
      } else {
        throw new AssertionError(w + ": env " + name + " has neither value nor a valueFrom this test knows");
      }
    }
    return env;
  }

  private static ConfigFile configFile(K8sManifests m, K8sObject w, JsonNode c, Path path) {
    for (JsonNode mount : c.path("volumeMounts")) {
      Path at = Path.of(mount.path("mountPath").asText());
      JsonNode volume = volume(w, mount.path("name").asText());
      String configMap = volume.path("configMap").path("name").asText(null);
      if (configMap == null) {
        continue;
      }
      String file;
      if (at.equals(path) && mount.has("subPath")) {
        file = mount.path("subPath").asText();
      } else if (path.getParent() != null && at.equals(path.getParent()) && !mount.has("subPath")) {
        file = path.getFileName().toString();
      } else {
        continue;
      }
      String key = keyForFile(volume.path("configMap"), file);
      if (key == null) {
        return null;
      }
      Optional<String> yaml = m.value("ConfigMap", configMap, key);
      return yaml.map(text -> new ConfigFile(configMap, key, text)).orElse(null);
    }
    return null;
  }

  /** The key a ConfigMap or Secret volume shows as {@code file}: its item's, or the file name. */
  static String keyForFile(JsonNode source, String file) {
    if (!source.has("items")) {
      return file;
    }
    for (JsonNode item : source.path("items")) {
      if (item.path("path").asText().equals(file)) {
        return item.path("key").asText();
      }
    }
    return null;
  }

  static JsonNode volume(K8sObject w, String name) {
    for (JsonNode v : w.podSpec().path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  Set<Role> roles() {
    return Role.parse(run.roles);
  }

  boolean runs(Role role) {
    return roles().contains(role);
  }

  /**
   * The config as {@code ConfigLoader.load} reads it in this container: {@code ${VAR}}
   * replaced from the pod's environment, then the environment's overrides
   * ({@code LIVELOG_MONGO_URI}).
   */
  LivelogConfig config() {
    if (configFile == null) {
      throw new AssertionError(this + ": -c " + (run == null ? "?" : run.configFile)
          + " is not a key of a mounted ConfigMap");
    }
    return ConfigLoader.withEnvironment(ConfigLoader.parse(configFile.yaml(), env), env);
  }

  /** The container port with this name or number, if the container declares it. */
  Optional<Integer> port(JsonNode nameOrNumber) {
    for (JsonNode p : container.path("ports")) {
      if (nameOrNumber.isInt() ? p.path("containerPort").asInt() == nameOrNumber.asInt()
          : p.path("name").asText().equals(nameOrNumber.asText())) {
        return Optional.of(p.path("containerPort").asInt());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return workload + " container " + container.path("name").asText();
  }
}
