package dev.livelog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kustomize base in {@code k8s/} as kustomize sees it: the objects of its resources and
 * the ConfigMaps its generators make, the files each kustomization names, and the optional
 * components under {@code k8s/optional/}, read with plain YAML; and the base as {@code kubectl
 * kustomize} renders it ({@link #rendered}) in a copy where the README's deploy steps wrote
 * the Secrets' env files, whose generated Secrets are objects of the base too. No cluster.
 */
final class K8sManifests {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One Kubernetes object and the file it came from (a generator's config file for a ConfigMap). */
  record K8sObject(Path file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }

    JsonNode spec() {
      return node.path("spec");
    }

    boolean isWorkload() {
      return List.of("Deployment", "DaemonSet", "StatefulSet").contains(kind());
    }

    JsonNode podTemplate() {
      return spec().path("template");
    }

    JsonNode podSpec() {
      return podTemplate().path("spec");
    }

    Map<String, String> podLabels() {
      return K8sManifests.stringMap(podTemplate().path("metadata").path("labels"));
    }

    @Override
    public String toString() {
      return kind() + "/" + name() + " (" + file.getFileName() + ")";
    }
  }

  /** A kustomization.yaml (or a component's) and the files it names. */
  record Kustomization(Path dir, JsonNode node) {
    List<String> resources() {
      return texts(node.path("resources"));
    }

    List<String> patches() {
      List<String> out = new ArrayList<>();
      node.path("patches").forEach(p -> {
        if (p.has("path")) {
          out.add(p.path("path").asText());
        }
      });
      return out;
    }

    /** The files of the ConfigMap generators, as {@code key=path} or {@code path}. */
    List<GeneratedFile> generatedFiles() {
      List<GeneratedFile> out = new ArrayList<>();
      node.path("configMapGenerator").forEach(g -> texts(g.path("files")).forEach(f -> {
        int eq = f.indexOf('=');
        String path = eq < 0 ? f : f.substring(eq + 1);
        String key = eq < 0 ? Path.of(f).getFileName().toString() : f.substring(0, eq);
        out.add(new GeneratedFile(g.path("name").asText(), key, path));
      }));
      return out;
    }

    /** Every file this kustomization names, relative to its directory. */
    List<String> namedFiles() {
      List<String> out = new ArrayList<>(resources());
      out.addAll(patches());
      generatedFiles().forEach(g -> out.add(g.path()));
      return out;
    }

    String namespace() {
      return node.path("namespace").asText(null);
    }

    /** The Secrets the kustomization generates (from files that are never committed). */
    List<String> generatedSecretNames() {
      List<String> out = new ArrayList<>();
      node.path("secretGenerator").forEach(g -> out.add(g.path("name").asText()));
      return out;
    }

    boolean isComponent() {
      return "Component".equals(node.path("kind").asText());
    }
  }

  record GeneratedFile(String configMap, String key, String path) {}

  final Path repo;
  final Path k8s;
  final Kustomization base;
  final List<Kustomization> components;
  /**
   * The base's objects (its resources and the ConfigMaps its generators make), and those of
   * the optional components that add a workload of their own (with its ConfigMap): a pod an
   * overlay adds is checked as the base's are.
   */
  final List<K8sObject> objects;
  /**
   * The other optional components' resources (an Ingress, policies; their patches delete,
   * they add nothing).
   */
  final List<K8sObject> optionalObjects;
  /** Where the Secrets' env files are written, git-ignored: not part of the base. */
  static final String SECRETS_DIR = "secrets";
  /** {@code kubectl kustomize k8s/} in a copy with the env files the README's steps write. */
  final List<K8sObject> rendered;
  private K8sManifests(Path repo) {
    this.repo = repo;
    this.k8s = repo.resolve("k8s");
    this.base = kustomization(k8s);
    this.components = optionalComponentDirs().stream().map(K8sManifests::kustomization).toList();
    Path copy = KustomizeRender.copyWithReadmeSecrets(repo);
    try {
      this.rendered = KustomizeRender.render(copy.resolve("k8s"));
    } finally {
      KustomizeRender.delete(copy);
    }
    List<K8sObject> own = new ArrayList<>(objectsOf(base));
    own.addAll(generatedSecrets());
    List<K8sObject> optional = new ArrayList<>();
    for (Kustomization component : components) {
      List<K8sObject> added = objectsOf(component);
      (added.stream().anyMatch(K8sObject::isWorkload) ? own : optional).addAll(added);
    }
    this.objects = List.copyOf(own);
    this.optionalObjects = List.copyOf(optional);
  }

  /** The Secrets of the base's secretGenerator, as rendered, by the generator's name. */
  private List<K8sObject> generatedSecrets() {
    List<K8sObject> out = new ArrayList<>();
    for (String name : base.generatedSecretNames()) {
      K8sObject secret = rendered.stream()
          .filter(o -> o.kind().equals("Secret") && o.name().startsWith(name + "-"))
          .findFirst().orElseThrow(() -> new AssertionError("kustomize made no Secret " + name));
      ObjectNode node = secret.node().deepCopy();
      ((ObjectNode) node.path("metadata")).put("name", name);
      out.add(new K8sObject(secret.file(), node));
    }
    return out;
  }

  /** The base of the repository this test runs in (Surefire runs it in app/). */
  static K8sManifests load() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("k8s/kustomization.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no k8s/kustomization.yaml above " + Path.of("").toAbsolutePath());
    }
    return new K8sManifests(dir);
  }

  static Kustomization kustomization(Path dir) {
    List<JsonNode> docs = readDocuments(dir.resolve("kustomization.yaml"));
    if (docs.size() != 1) {
      throw new IllegalStateException(dir.resolve("kustomization.yaml") + ": expected one document");
    }
    return new Kustomization(dir, docs.get(0));
  }

  private List<Path> optionalComponentDirs() {
    Path optional = k8s.resolve("optional");
    if (!Files.isDirectory(optional)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(optional)) {
      return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<K8sObject> objectsOf(Kustomization k) {
    List<K8sObject> out = new ArrayList<>();
    for (String resource : k.resources()) {
      Path file = k.dir().resolve(resource);
      readDocuments(file).forEach(doc -> out.add(new K8sObject(file, doc)));
    }
    for (GeneratedFile g : k.generatedFiles()) {
      Path file = k.dir().resolve(g.path());
      K8sObject existing = out.stream()
          .filter(o -> o.kind().equals("ConfigMap") && o.name().equals(g.configMap()))
          .findFirst().orElse(null);
      ObjectNode configMap = existing == null ? newConfigMap(g.configMap()) : (ObjectNode) existing.node();
      ((ObjectNode) configMap.path("data")).put(g.key(), read(file));
      if (existing == null) {
        out.add(new K8sObject(file, configMap));
      }
    }
    return out;
  }

  private static ObjectNode newConfigMap(String name) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", "v1").put("kind", "ConfigMap");
    node.putObject("metadata").put("name", name);
    node.putObject("data");
    return node;
  }

  /** Every file under k8s/ but the git-ignored secrets, relative to it, with '/' separators. */
  List<String> filesUnderK8s() {
    try (Stream<Path> files = Files.walk(k8s)) {
      return files.filter(Files::isRegularFile)
          .map(f -> k8s.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith(SECRETS_DIR + "/"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<K8sObject> workloads() {
    return objects.stream().filter(K8sObject::isWorkload).toList();
  }

  List<K8sObject> ofKind(String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  Optional<K8sObject> find(String kind, String name) {
    return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
  }

  /** A key of a ConfigMap or Secret of the base (a Secret's data decoded), if both exist. */
  Optional<String> value(String kind, String name, String key) {
    return find(kind, name).flatMap(o -> {
      JsonNode plain = o.node().path(kind.equals("Secret") ? "stringData" : "data").path(key);
      if (plain.isTextual()) {
        return Optional.of(plain.asText());
      }
      JsonNode encoded = o.node().path(kind.equals("Secret") ? "data" : "binaryData").path(key);
      return encoded.isTextual()
          ? Optional.of(new String(Base64.getMimeDecoder().decode(encoded.asText()), StandardCharsets.UTF_8))
          : Optional.empty();
    });
  }

  /** The images the kustomization rewrites, by the name the manifests use. */
  List<String> rewrittenImageNames() {
    List<String> out = new ArrayList<>();
    base.node().path("images").forEach(i -> out.add(i.path("name").asText()));
    return out;
  }

  static List<JsonNode> readDocuments(Path file) {
    try {
      return YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class)
          .readAll().stream()
          .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
