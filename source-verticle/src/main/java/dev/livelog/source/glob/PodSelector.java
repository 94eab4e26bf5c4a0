package dev.livelog.source.glob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Setting;
import dev.livelog.common.container.KubernetesLogFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Kubernetes containers' logs a pattern source follows ({@code kubernetes:}), by the
 * namespace, pod and container a kubelet's log path names ({@link KubernetesLogFile}): each a
 * name pattern ({@code *}, {@code ?}, {@code [...]}, {@code {a,b}}) or a list of them, all
 * given ones matching. With a selection, a file that is not a kubelet's container log is left
 * out.
 */
public record PodSelector(List<PathGlob> namespaces, List<PathGlob> pods,
    List<PathGlob> containers) {
  /** The key, for the {@code file} and {@code ssh} kinds. */
  public static final String KEY = "kubernetes";
  private static final Set<String> KEYS = Set.of("namespace", "pod", "container");

  /** Every file: no {@code kubernetes:} key. */
  public static final PodSelector ANY = new PodSelector(List.of(), List.of(), List.of());

  /**
   * Reads {@code kubernetes: {namespace: ..., pod: ..., container: ...}}.
   *
   * @throws ConfigException naming the key ({@code kubernetes.pod}) and the reason
   */
  static PodSelector of(Setting setting) {
    if (setting == null || setting.value() == null || setting.value().isNull()) {
      return ANY;
    }
    JsonNode value = setting.value();
    if (!value.isObject() || value.isEmpty()) {
      throw new ConfigException(KEY, "expected a mapping of namespace, pod and/or container to"
          + " name patterns, e.g. {namespace: ingress-nginx, container: controller}"
          + setting.where());
    }
    Map<String, Setting> keys = new java.util.LinkedHashMap<>();
    value.fields().forEachRemaining(e -> keys.put(e.getKey(), new Setting(e.getValue(),
        setting.line())));
    try {
      Setting.onlyKeys(keys, KEYS, " under kubernetes");
      return new PodSelector(names(keys.get("namespace"), "namespace"),
          names(keys.get("pod"), "pod"), names(keys.get("container"), "container"));
    } catch (ConfigException e) {
      throw e.under(KEY);
    }
  }

  private static List<PathGlob> names(Setting setting, String key) {
    return FileSetConfig.patterns(setting, key).stream().map(pattern -> {
      if (pattern.contains("/") || pattern.contains("**") || pattern.contains("<")) {
        throw new ConfigException(key, "'" + pattern + "': a name pattern (*, ?, [...], {a,b}),"
            + " without / or <name>" + setting.where());
      }
      return PathGlob.compile("/" + pattern);
    }).toList();
  }

  /** Whether the file at {@code path} is a log this selection wants. */
  public boolean selects(String path) {
    if (this.equals(ANY)) {
      return true;
    }
    Optional<KubernetesLogFile> file = KubernetesLogFile.of(path);
    return file.isPresent() && matches(namespaces, file.get().namespace())
        && matches(pods, file.get().pod()) && matches(containers, file.get().container());
  }

  private static boolean matches(List<PathGlob> patterns, String name) {
    return patterns.isEmpty()
        || patterns.stream().anyMatch(p -> p.match("/" + name).isPresent());
  }
}
