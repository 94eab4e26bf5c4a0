package dev.livelog.common.container;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes pod and container a container log belongs to, from its path, as the kubelet
 * names them on every node: {@code /var/log/containers/<pod>_<namespace>_<container>-<id>.log}
 * (links), and {@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restarts>.log} (the
 * files, also rotated: {@code 0.log.20261207-101500}, {@code .gz}). Only the path's last parts
 * count, so the host's {@code /var/log} may be mounted anywhere.
 */
public record KubernetesLogFile(String namespace, String pod, String container) {
  /** Pod names are DNS subdomains, namespaces and containers DNS labels: no '_' in any. */
  private static final Pattern CONTAINERS = Pattern.compile(
      "(?:^|.*/)([a-z0-9][a-z0-9.-]*)_([a-z0-9][a-z0-9-]*)_([a-z0-9][a-z0-9-]*)-[0-9a-f]{64}\\.log");
  private static final Pattern PODS = Pattern.compile(
      "(?:^|.*/)([a-z0-9][a-z0-9-]*)_([a-z0-9][a-z0-9.-]*)_[0-9a-f-]{36}/([a-z0-9][a-z0-9-]*)/"
          + "\\d+\\.log(?:\\.[^/]*)?");

  /** The fields a container log's events get. */
  public static final String NAMESPACE = "k8s.namespace";
  public static final String POD = "k8s.pod";
  public static final String CONTAINER = "k8s.container";

  /** The pod and container of a kubelet's log path, or empty for another path. */
  public static Optional<KubernetesLogFile> of(String path) {
    if (path == null) {
      return Optional.empty();
    }
    Matcher m = CONTAINERS.matcher(path);
    if (m.matches()) {
      return Optional.of(new KubernetesLogFile(m.group(2), m.group(1), m.group(3)));
    }
    m = PODS.matcher(path);
    if (m.matches()) {
      return Optional.of(new KubernetesLogFile(m.group(1), m.group(2), m.group(3)));
    }
    return Optional.empty();
  }

  /** As event fields: {@code k8s.namespace}, {@code k8s.pod}, {@code k8s.container}. */
  public Map<String, String> fields() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(NAMESPACE, namespace);
    out.put(POD, pod);
    out.put(CONTAINER, container);
    return out;
  }
}
