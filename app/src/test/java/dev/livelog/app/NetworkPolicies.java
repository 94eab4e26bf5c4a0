package dev.livelog.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.app.K8sManifests.K8sObject;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes NetworkPolicy semantics for ingress, as the API documents them, over a set of
 * policies: a pod that no Ingress policy selects accepts everything; one that some policy
 * selects accepts a connection only when a rule of one of those policies allows both its peer
 * and its port. Peers are pods (by their labels and their namespace's); ipBlocks are not.
 */
final class NetworkPolicies {
  /** A pod that opens a connection: its namespace, the namespace's labels and its own. */
  record Peer(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
    @Override
    public String toString() {
      return name + " (" + namespace + ")";
    }
  }

  private final List<K8sObject> policies;

  NetworkPolicies(List<K8sObject> objects) {
    this.policies = objects.stream().filter(o -> o.kind().equals("NetworkPolicy")).toList();
  }

  /** Whether some Ingress policy selects the pods of this workload (else they are open). */
  boolean isolates(String namespace, K8sObject workload) {
    return !selecting(namespace, workload).isEmpty();
  }

  /**
   * Whether {@code from} may connect to {@code port} (a container port's name or number) of
   * the pods of {@code workload} in {@code namespace}.
   */
  boolean allows(Peer from, String namespace, K8sObject workload, int port) {
    List<K8sObject> selecting = selecting(namespace, workload);
    if (selecting.isEmpty()) {
      return true;
    }
    for (K8sObject policy : selecting) {
      for (JsonNode rule : policy.spec().path("ingress")) {
        if (peerMatches(rule.path("from"), from, namespace) && portMatches(rule.path("ports"), workload, port)) {
          return true;
        }
      }
    }
    return false;
  }

  private List<K8sObject> selecting(String namespace, K8sObject workload) {
    return policies.stream()
        .filter(p -> p.node().path("metadata").path("namespace").asText(namespace).equals(namespace))
        .filter(p -> K8sManifests.texts(p.spec().path("policyTypes")).contains("Ingress")
            || !p.spec().has("policyTypes"))
        .filter(p -> selects(p.spec().path("podSelector"), workload.podLabels()))
        .toList();
  }

  private static boolean peerMatches(JsonNode from, Peer peer, String policyNamespace) {
    if (from.isMissingNode() || from.isEmpty()) {
      return true;
    }
    for (JsonNode entry : from) {
      boolean hasPods = entry.has("podSelector");
      boolean hasNamespaces = entry.has("namespaceSelector");
      if (!hasPods && !hasNamespaces) {
        continue; // an ipBlock: not a pod
      }
      boolean namespaceOk = hasNamespaces ? selects(entry.path("namespaceSelector"), peer.namespaceLabels())
          : peer.namespace().equals(policyNamespace);
      boolean podOk = !hasPods || selects(entry.path("podSelector"), peer.labels());
      if (namespaceOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean portMatches(JsonNode ports, K8sObject workload, int port) {
    if (ports.isMissingNode() || ports.isEmpty()) {
      return true;
    }
    for (JsonNode p : ports) {
      if (!p.path("protocol").asText("TCP").equals("TCP")) {
        continue;
      }
      JsonNode wanted = p.path("port");
      if (wanted.isMissingNode() || (wanted.isInt() ? wanted.asInt() == port : named(workload, wanted.asText(), port))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a container of the workload names {@code port} so. */
  private static boolean named(K8sObject workload, String name, int port) {
    for (JsonNode c : workload.podSpec().path("containers")) {
      for (JsonNode p : c.path("ports")) {
        if (p.path("name").asText().equals(name) && p.path("containerPort").asInt() == port) {
          return true;
        }
      }
    }
    return false;
  }

  /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
  static boolean selects(JsonNode selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : K8sManifests.stringMap(selector.path("matchLabels")).entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String value = labels.get(expression.path("key").asText());
      List<String> values = K8sManifests.texts(expression.path("values"));
      boolean ok = switch (expression.path("operator").asText()) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> throw new AssertionError("unknown selector operator in " + expression);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
