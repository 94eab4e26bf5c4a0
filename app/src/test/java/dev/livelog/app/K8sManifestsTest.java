package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.livelog.app.K8sManifests.K8sObject;
import dev.livelog.common.config.ClusterConfig;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.HostConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.common.config.StructureValidator;
import dev.livelog.common.config.WebAuthConfig;
import dev.livelog.common.config.WebConfig;
import dev.livelog.parser.Formats;
import dev.livelog.store.StoreKinds;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kustomize base in {@code k8s/} and the {@code Dockerfile} against the application
 * itself: every pod's arguments go through livelog's own command line, every config through
 * its own loader and checks with the environment the pod gives, and probes, ports, Services,
 * RBAC, Secrets and mounts are checked against what that config makes livelog serve and read.
 * No cluster and no kubectl are needed.
 */
class K8sManifestsTest {
  /** What every livelog process serves on web.port, whatever its roles (the probes' contract). */
  static final String LIVENESS_PATH = "/health/live";
  static final String READINESS_PATH = "/health/ready";
  static final String METRICS_PATH = "/metrics";
  static final String HAZELCAST_PORT_NAME = "hazelcast";

  static K8sManifests m;
  static List<LivelogContainer> livelog;

  @BeforeAll
  static void readTheManifests() {
    m = K8sManifests.load();
    livelog = LivelogContainer.all(m);
  }

  // --- files and kustomize ------------------------------------------------------------------

  @Test
  void everyFileUnderK8sIsYamlWithAtLeastOneDocument() {
    for (String file : m.filesUnderK8s()) {
      assertThat(file).as("k8s/ holds YAML only").endsWith(".yaml");
      assertThat(K8sManifests.readDocuments(m.k8s.resolve(file))).as(file).isNotEmpty();
    }
  }

  @Test
  void theKustomizationNamesEveryFileOfTheBaseAndNoMissingOne() {
    List<String> baseFiles = m.filesUnderK8s().stream()
        .filter(f -> !f.startsWith("optional/") && !f.equals("kustomization.yaml"))
        .toList();
    assertThat(normalized(m.base.namedFiles()))
        .as("files named by k8s/kustomization.yaml (resources, configMapGenerator files)")
        .containsExactlyInAnyOrderElementsOf(baseFiles);
    assertThat(m.base.namespace()).as("the kustomization's namespace").isNotBlank();
  }

  @Test
  void everyOptionalFileBelongsToAComponentThatNamesIt() {
    List<String> named = new ArrayList<>();
    for (K8sManifests.Kustomization c : m.components) {
      assertThat(c.isComponent()).as(c.dir() + ": kind Component").isTrue();
      String dir = m.k8s.relativize(c.dir()).toString().replace('\\', '/');
      named.add(dir + "/kustomization.yaml");
      normalized(c.namedFiles()).forEach(f -> named.add(dir + "/" + f));
    }
    List<String> optionalFiles = m.filesUnderK8s().stream().filter(f -> f.startsWith("optional/")).toList();
    assertThat(named).containsExactlyInAnyOrderElementsOf(optionalFiles);
  }

  @Test
  void optionalPatchesTargetObjectsOfTheBase() {
    for (K8sManifests.Kustomization c : m.components) {
      for (String patch : c.patches()) {
        for (JsonNode doc : K8sManifests.readDocuments(c.dir().resolve(patch))) {
          String kind = doc.path("kind").asText();
          String name = doc.path("metadata").path("name").asText();
          assertThat(m.find(kind, name)).as(c.dir().getFileName() + "/" + patch + " targets " + kind + "/" + name)
              .isPresent();
        }
      }
    }
  }

  // --- Kubernetes objects -------------------------------------------------------------------

  static final Map<String, String> API_VERSIONS = Map.ofEntries(
      Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
      Map.entry("Service", "v1"), Map.entry("ServiceAccount", "v1"),
      Map.entry("Role", "rbac.authorization.k8s.io/v1"),
      Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
      Map.entry("Deployment", "apps/v1"), Map.entry("DaemonSet", "apps/v1"),
      Map.entry("StatefulSet", "apps/v1"), Map.entry("PodDisruptionBudget", "policy/v1"),
      Map.entry("Ingress", "networking.k8s.io/v1"), Map.entry("NetworkPolicy", "networking.k8s.io/v1"));

  static final Map<String, Set<String>> TOP_LEVEL_KEYS = Map.of(
      "ConfigMap", Set.of("apiVersion", "kind", "metadata", "data", "binaryData", "immutable"),
      "Secret", Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"),
      "ServiceAccount", Set.of("apiVersion", "kind", "metadata", "automountServiceAccountToken",
          "imagePullSecrets", "secrets"),
      "Role", Set.of("apiVersion", "kind", "metadata", "rules"),
      "RoleBinding", Set.of("apiVersion", "kind", "metadata", "roleRef", "subjects"));
  static final Set<String> OBJECT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
  static final Set<String> METADATA_KEYS = Set.of("name", "namespace", "labels", "annotations");
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  @Test
  void everyObjectHasTheApiVersionOfItsKindAndAValidName() {
    for (K8sObject o : allObjects()) {
      assertThat(API_VERSIONS).as(o + ": a kind this base may use").containsKey(o.kind());
      assertThat(o.node().path("apiVersion").asText()).as(o + " apiVersion").isEqualTo(API_VERSIONS.get(o.kind()));
      assertThat(o.name()).as(o + " name (a DNS label)").matches(DNS_LABEL).hasSizeLessThanOrEqualTo(63);
      assertOnlyKeys(o.node(), TOP_LEVEL_KEYS.getOrDefault(o.kind(), OBJECT_KEYS), o.toString());
      assertOnlyKeys(o.node().path("metadata"), METADATA_KEYS, o + " metadata");
      K8sManifests.stringMap(o.node().path("metadata").path("labels")).forEach((k, v) ->
          assertThat(v).as(o + " label " + k).matches(LABEL_VALUE).hasSizeLessThanOrEqualTo(63));
      String namespace = o.node().path("metadata").path("namespace").asText(m.base.namespace());
      assertThat(namespace).as(o + " namespace").isEqualTo(m.base.namespace());
    }
  }

  @Test
  void noTwoObjectsShareAKindAndName() {
    List<String> ids = allObjects().stream().map(o -> o.kind() + "/" + o.name()).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void theNamespaceObjectIsTheKustomizationsNamespace() {
    assertThat(m.ofKind("Namespace")).extracting(K8sObject::name).containsExactly(m.base.namespace());
  }

  static final Map<String, Set<String>> WORKLOAD_SPEC_KEYS = Map.of(
      "Deployment", Set.of("replicas", "selector", "template", "strategy", "minReadySeconds",
          "revisionHistoryLimit", "progressDeadlineSeconds", "paused"),
      "DaemonSet", Set.of("selector", "template", "updateStrategy", "minReadySeconds",
          "revisionHistoryLimit"),
      "StatefulSet", Set.of("serviceName", "replicas", "selector", "template",
          "volumeClaimTemplates", "updateStrategy", "podManagementPolicy", "revisionHistoryLimit",
          "minReadySeconds", "persistentVolumeClaimRetentionPolicy", "ordinals"));
  static final Set<String> POD_SPEC_KEYS = Set.of("containers", "initContainers", "volumes",
      "serviceAccountName", "automountServiceAccountToken", "terminationGracePeriodSeconds",
      "securityContext", "affinity", "nodeSelector", "tolerations", "topologySpreadConstraints",
      "priorityClassName", "imagePullSecrets", "dnsPolicy", "restartPolicy", "enableServiceLinks",
      "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "runtimeClassName");
  static final Set<String> CONTAINER_KEYS = Set.of("name", "image", "imagePullPolicy", "command",
      "args", "workingDir", "ports", "env", "envFrom", "resources", "volumeMounts", "livenessProbe",
      "readinessProbe", "startupProbe", "lifecycle", "securityContext", "terminationMessagePath",
      "terminationMessagePolicy", "stdin", "tty");
  static final Set<String> PROBE_KEYS = Set.of("httpGet", "exec", "tcpSocket", "grpc",
      "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold",
      "failureThreshold", "terminationGracePeriodSeconds");
  static final Set<String> CONTAINER_PORT_KEYS = Set.of("name", "containerPort", "protocol", "hostPort", "hostIP");
  static final Set<String> ENV_KEYS = Set.of("name", "value", "valueFrom");
  static final Set<String> MOUNT_KEYS = Set.of("name", "mountPath", "subPath", "subPathExpr",
      "readOnly", "mountPropagation", "recursiveReadOnly");
  static final Set<String> VOLUME_SOURCES = Set.of("configMap", "secret", "emptyDir", "hostPath",
      "persistentVolumeClaim", "projected", "downwardAPI");
  static final Set<String> SERVICE_SPEC_KEYS = Set.of("type", "selector", "ports", "clusterIP",
      "publishNotReadyAddresses", "sessionAffinity", "sessionAffinityConfig",
      "externalTrafficPolicy", "internalTrafficPolicy", "ipFamilyPolicy", "ipFamilies",
      "loadBalancerSourceRanges", "loadBalancerClass");
  static final Set<String> SERVICE_PORT_KEYS = Set.of("name", "port", "targetPort", "protocol", "nodePort", "appProtocol");

  /** A misspelt field is dropped by some clients without a word: these are the ones that matter. */
  @Test
  void workloadsAndServicesUseOnlyFieldsKubernetesKnows() {
    for (K8sObject w : m.workloads()) {
      assertOnlyKeys(w.spec(), WORKLOAD_SPEC_KEYS.get(w.kind()), w + " spec");
      assertOnlyKeys(w.podTemplate(), Set.of("metadata", "spec"), w + " template");
      assertOnlyKeys(w.podTemplate().path("metadata"), Set.of("labels", "annotations"), w + " template metadata");
      assertOnlyKeys(w.podSpec(), POD_SPEC_KEYS, w + " pod spec");
      assertThat(w.podSpec().path("containers").size()).as(w + " containers").isPositive();
      for (JsonNode c : w.podSpec().path("containers")) {
        String where = w + " container " + c.path("name").asText();
        assertOnlyKeys(c, CONTAINER_KEYS, where);
        assertThat(c.path("name").asText()).as(where + " name").matches(DNS_LABEL);
        assertThat(c.path("image").asText()).as(where + " image").isNotBlank();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          if (c.has(probe)) {
            assertOnlyKeys(c.path(probe), PROBE_KEYS, where + " " + probe);
          }
        }
        c.path("ports").forEach(p -> {
          assertOnlyKeys(p, CONTAINER_PORT_KEYS, where + " port");
          assertThat(p.path("containerPort").asInt()).as(where + " containerPort").isBetween(1, 65535);
        });
        c.path("env").forEach(e -> assertOnlyKeys(e, ENV_KEYS, where + " env"));
        c.path("volumeMounts").forEach(v -> assertOnlyKeys(v, MOUNT_KEYS, where + " volumeMount"));
      }
      for (JsonNode v : w.podSpec().path("volumes")) {
        Set<String> sources = fieldNames(v);
        sources.remove("name");
        assertThat(sources).as(w + " volume " + v.path("name").asText() + ": one source")
            .hasSize(1).isSubsetOf(VOLUME_SOURCES);
      }
    }
    for (K8sObject s : m.ofKind("Service")) {
      assertOnlyKeys(s.spec(), SERVICE_SPEC_KEYS, s + " spec");
      s.spec().path("ports").forEach(p -> assertOnlyKeys(p, SERVICE_PORT_KEYS, s + " port"));
    }
  }

  @Test
  void everyWorkloadSelectsItsOwnPodsAndNoOtherWorkloads() {
    for (K8sObject w : m.workloads()) {
      Map<String, String> selector = K8sManifests.stringMap(w.spec().path("selector").path("matchLabels"));
      assertThat(selector).as(w + " selector").isNotEmpty();
      assertThat(w.podLabels()).as(w + " pod labels").containsAllEntriesOf(selector);
      for (K8sObject other : m.workloads()) {
        if (other != w) {
          assertThat(selects(selector, other.podLabels()))
              .as(w + "'s selector must not take in the pods of " + other).isFalse();
        }
      }
    }
  }

  @Test
  void everyVolumeMountNamesAVolumeOfItsPodAndEveryVolumeIsMounted() {
    for (K8sObject w : m.workloads()) {
      Set<String> volumes = new HashSet<>();
      w.podSpec().path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
      w.spec().path("volumeClaimTemplates").forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
      Set<String> mounted = new HashSet<>();
      w.podSpec().path("containers").forEach(c -> c.path("volumeMounts").forEach(v -> mounted.add(v.path("name").asText())));
      assertThat(mounted).as(w + " mounts").isEqualTo(volumes);
    }
  }

  @Test
  void everyContainerHasCpuAndMemoryRequestsWithinItsLimits() {
    for (K8sObject w : m.workloads()) {
      for (JsonNode c : w.podSpec().path("containers")) {
        String where = w + " container " + c.path("name").asText();
        JsonNode resources = c.path("resources");
        for (String resource : List.of("cpu", "memory")) {
          JsonNode request = resources.path("requests").path(resource);
          JsonNode limit = resources.path("limits").path(resource);
          assertThat(request.isMissingNode()).as(where + " requests." + resource).isFalse();
          assertThat(limit.isMissingNode()).as(where + " limits." + resource).isFalse();
          assertThat(quantity(request.asText())).as(where + " " + resource + " request <= limit")
              .isLessThanOrEqualTo(quantity(limit.asText()));
        }
      }
    }
  }

  @Test
  void theJvmIsSizedToTheContainersMemoryLimit() {
    for (LivelogContainer c : livelog) {
      assertThat(c.env().getOrDefault("JAVA_TOOL_OPTIONS", "")).as(c + " JAVA_TOOL_OPTIONS")
          .containsPattern("-XX:MaxRAMPercentage=([1-7][0-9]|80)(\\.0)?( |$)");
    }
  }

  // --- livelog's command line -----------------------------------------------------------------

  @Test
  void thereIsAWorkloadForEveryRole() {
    Set<Role> roles = livelog.stream().flatMap(c -> c.roles().stream()).collect(Collectors.toSet());
    assertThat(roles).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void livelogContainersKeepTheImageEntrypointAndGiveAClusteredRunCommand() {
    assertThat(livelog).isNotEmpty();
    for (LivelogContainer c : livelog) {
      assertThat(c.container().has("command")).as(c + ": no command, the image's entrypoint runs livelog").isFalse();
      assertThat(c.run()).as(c + ": args " + c.args() + " are 'run ...'").isNotNull();
      assertThat(c.run().cluster).as(c + ": --cluster").isTrue();
      assertThatCode(c::roles).as(c + ": --roles " + c.run().roles).doesNotThrowAnyException();
      assertThat(m.rewrittenImageNames()).as(c + ": the kustomization sets the image's registry and tag")
          .contains(LivelogContainer.IMAGE);
    }
  }

  @Test
  void eachWorkloadRunsOneRoleNamedByItsComponentLabel() {
    for (LivelogContainer c : livelog) {
      assertThat(c.roles()).as(c + " roles").hasSize(1);
      String role = c.roles().iterator().next().label();
      // On nodes: node-<role>, or node-<what>-<role> for another DaemonSet of the role.
      String expected = c.workload().kind().equals("DaemonSet") ? "node-([a-z]+-)*" + role : role;
      assertThat(c.workload().podLabels())
          .as(c + " labels")
          .containsEntry("app.kubernetes.io/name", "livelog");
      assertThat(c.workload().podLabels().get("app.kubernetes.io/component"))
          .as(c + " component label").matches(expected);
    }
  }

  @Test
  void theConfigFileIsAKeyOfAMountedConfigMap() {
    for (LivelogContainer c : livelog) {
      assertThat(c.configFile()).as(c + ": -c " + c.run().configFile + " is a mounted ConfigMap key").isNotNull();
    }
    Set<String> used = livelog.stream().map(c -> c.configFile().configMap()).collect(Collectors.toSet());
    assertThat(m.ofKind("ConfigMap")).as("ConfigMaps with a livelog config, each used by a pod")
        .filteredOn(cm -> cm.node().path("data").has("livelog.yaml"))
        .extracting(K8sObject::name)
        .allMatch(used::contains);
  }

  // --- the config, as the application reads it ---------------------------------------------

  @Test
  void everyConfigLoadsAndPassesTheApplicationsChecksWithThePodsEnvironment() {
    for (LivelogContainer c : livelog) {
      assertThatCode(() -> {
        LivelogConfig config = c.config();
        StructureValidator.validate(config);
        ConfigCheck.validate(config);
        if (c.runs(Role.WEB)) {
          config.web().requireAuthWhenExposed();
        }
      }).as(c + ": its livelog.yaml").doesNotThrowAnyException();
    }
  }

  @Test
  void everyVariableTheConfigSubstitutesIsInThePodsEnvironment() {
    Pattern variable = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");
    for (LivelogContainer c : livelog) {
      Matcher v = variable.matcher(withoutComments(c.configFile().yaml()));
      while (v.find()) {
        if (v.group(2) == null) {
          assertThat(c.env()).as(c + ": ${" + v.group(1) + "} in its config").containsKey(v.group(1));
        }
      }
    }
  }

  @Test
  void theClusterBindsThePodIpFromTheDownwardApi() {
    for (LivelogContainer c : livelog) {
      String bind = c.config().cluster().bind();
      assertThat(bind).as(c + " cluster.bind").startsWith("env:");
      JsonNode var = envVar(c, bind.substring(4));
      assertThat(var.path("valueFrom").path("fieldRef").path("fieldPath").asText())
          .as(c + ": " + bind.substring(4) + " from the downward API").isEqualTo("status.podIP");
      assertThatCode(() -> c.config().cluster().bindAddress(c.env())).doesNotThrowAnyException();
    }
  }

  @Test
  void secretsTheConfigNamesByEnvironmentVariableAreGivenToThePodsThatUseThem() {
    for (LivelogContainer c : livelog) {
      LivelogConfig config = c.config();
      List<String> needed = new ArrayList<>();
      if (c.runs(Role.SOURCE)) {
        for (HostConfig host : hostsFollowed(config)) {
          needed.add(host.passphraseEnv());
          needed.add(host.passwordEnv());
        }
      }
      WebAuthConfig auth = config.web().auth();
      if (c.runs(Role.WEB) && auth != null) {
        needed.add(auth.tokenEnv());
        needed.add(auth.passwordEnv());
        needed.add(auth.sessionSecretEnv());
      }
      needed.stream().filter(Objects::nonNull).forEach(name -> {
        assertThat(c.env()).as(c + ": " + name).containsKey(name);
        assertThat(envVar(c, name).path("valueFrom").has("secretKeyRef"))
            .as(c + ": " + name + " comes from a Secret, not from the manifest").isTrue();
      });
    }
  }

  /**
   * Without session_secret_env a web process keeps a session secret in its data directory,
   * which a read-only root file system cannot hold (and each pod would have its own).
   */
  @Test
  void webPodsSignSessionsWithASecretSharedFromTheEnvironment() {
    for (LivelogContainer c : livelog) {
      WebAuthConfig auth = c.config().web().auth();
      if (c.runs(Role.WEB) && auth != null && !auth.none()) {
        assertThat(auth.sessionSecretEnv()).as(c + ": web.auth.session_secret_env").isNotNull();
        assertThat(envVar(c, auth.sessionSecretEnv()).path("valueFrom").has("secretKeyRef"))
            .as(c + ": " + auth.sessionSecretEnv() + " from a Secret").isTrue();
      }
    }
  }

  @Test
  void analyzersStoreInMongoDbWithTheUriFromASecret() {
    for (LivelogContainer c : livelog) {
      if (c.runs(Role.ANALYZER)) {
        assertThat(StoreKinds.of(c.config().storage()).name())
            .as(c + ": the embedded store is one process's; analyzers share MongoDB").isEqualTo("mongodb");
        assertThat(envVar(c, StorageConfig.MONGO_URI_ENV).path("valueFrom").has("secretKeyRef"))
            .as(c + ": " + StorageConfig.MONGO_URI_ENV + ", with its credentials, from a Secret").isTrue();
      }
    }
  }

  @Test
  void filesTheConfigNamesAreMountedWhereItReadsThem() {
    for (LivelogContainer c : livelog) {
      if (!c.runs(Role.SOURCE)) {
        continue;
      }
      LivelogConfig config = c.config();
      for (HostConfig host : hostsFollowed(config)) {
        if (host.identityFile() != null) {
          assertMountedFile(c, host.identityFile());
        }
        JsonNode knownHosts = assertMountedFile(c, host.knownHosts());
        if (knownHosts.path("readOnly").asBoolean(false)) {
          assertThat(host.hostKeyPolicy()).as(c + ": known_hosts is read-only, so host keys are checked strictly")
              .isEqualTo("strict");
        }
      }
      for (SourceConfig s : config.sources()) {
        if (s.text("host") == null && s.text("path") != null) {
          JsonNode mount = assertMountedFile(c, s.text("path"));
          JsonNode volume = LivelogContainer.volume(c.workload(), mount.path("name").asText());
          if (volume.has("hostPath")) {
            assertThat(mount.path("readOnly").asBoolean(false)).as(c + ": the host's " + s.text("path") + " read-only").isTrue();
          }
        }
      }
    }
  }

  @Test
  void containerLogSourcesRunOnEveryNodeWithTheLinksAndTheirTargetsMountedReadOnly() {
    List<LivelogContainer> following = livelog.stream().filter(c -> c.runs(Role.SOURCE)
        && c.config().sources().stream().anyMatch(s -> s.settings().containsKey("kubernetes")))
        .toList();
    assertThat(following).as("optional/ingress-nginx-logs' DaemonSet").isNotEmpty();
    for (LivelogContainer c : following) {
      assertThat(c.workload().kind()).as(c + ": on nodes").isEqualTo("DaemonSet");
      assertThat(c.workload().podSpec().has("nodeSelector"))
          .as(c + ": on every node, where a controller pod may be scheduled").isFalse();
      // The links in /var/log/containers point to /var/log/pods: both where the host has them.
      for (String dir : List.of("/var/log/containers", "/var/log/pods")) {
        JsonNode mount = assertMountedFile(c, dir + "/a.log");
        JsonNode volume = LivelogContainer.volume(c.workload(), mount.path("name").asText());
        assertThat(mount.path("mountPath").asText()).as(c + ": " + dir + " mounted").isEqualTo(dir);
        assertThat(volume.path("hostPath").path("path").asText()).as(c + ": the host's " + dir)
            .isEqualTo(dir);
        assertThat(mount.path("readOnly").asBoolean(false)).as(c + ": " + dir + " read-only").isTrue();
      }
    }
  }

  /**
   * The README's way to add an optional component: an overlay of the base with the component,
   * rendered by kubectl kustomize, gets the DaemonSet in livelog's namespace with the
   * overlay's image and its generated config.
   */
  @Test
  void anOverlayWithTheIngressNginxComponentRendersItsDaemonSetWithItsImageAndConfig()
      throws IOException {
    Path copy = KustomizeRender.copyWithReadmeSecrets(m.repo);
    try {
      Path overlay = Files.createDirectories(copy.resolve("my-livelog"));
      String digest = "sha256:" + "0123456789abcdef".repeat(4);
      Files.writeString(overlay.resolve("kustomization.yaml"), String.join("\n",
          "resources: [../k8s]",
          "components: [../k8s/optional/ingress-nginx-logs]",
          "images:",
          "  - {name: livelog, newName: registry.example.com/livelog, digest: " + digest + "}", ""));
      List<K8sObject> rendered = KustomizeRender.render(overlay);
      K8sObject daemonSet = rendered.stream()
          .filter(o -> o.kind().equals("DaemonSet") && o.name().equals("livelog-ingress-source"))
          .findFirst().orElseThrow(() -> new AssertionError("no DaemonSet livelog-ingress-source"));
      assertThat(daemonSet.node().path("metadata").path("namespace").asText()).isEqualTo("livelog");
      JsonNode container = daemonSet.podSpec().path("containers").get(0);
      assertThat(container.path("image").asText()).isEqualTo("registry.example.com/livelog@" + digest);
      String configMap = LivelogContainer.volume(daemonSet, "config").path("configMap").path("name").asText();
      K8sObject config = rendered.stream()
          .filter(o -> o.kind().equals("ConfigMap") && o.name().equals(configMap)).findFirst()
          .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap + " rendered"));
      assertThat(configMap).as("generated, named by its content").startsWith("livelog-ingress-config-");
      assertThat(config.node().path("metadata").path("namespace").asText()).isEqualTo("livelog");
      assertThat(config.node().path("data").path("livelog.yaml").asText()).isEqualTo(K8sManifests.read(
          m.k8s.resolve("optional/ingress-nginx-logs/livelog-ingress.yaml")));
      assertThat(rendered).as("the base's pods are still there").anyMatch(o -> o.kind().equals("DaemonSet")
          && o.name().equals("livelog-node-source"));
    } finally {
      KustomizeRender.delete(copy);
    }
  }

  @Test
  void allConfigsJoinTheSameCluster() {
    Set<ClusterConfig> clusters = livelog.stream().map(c -> c.config().cluster())
        .map(k -> new ClusterConfig(k.name(), k.members(), "", k.port(), k.busPort(), k.tls(), k.kubernetes()))
        .collect(Collectors.toSet());
    assertThat(clusters).as("cluster name, ports, TLS files and discovery of every pod's config").hasSize(1);
  }

  @Test
  void sourcesUseFormatsTheParsersKnowByName() {
    List<LivelogConfig> parsers = livelog.stream().filter(c -> c.runs(Role.PARSER)).map(LivelogContainer::config).toList();
    assertThat(parsers).isNotEmpty();
    for (LivelogContainer c : livelog) {
      if (!c.runs(Role.SOURCE)) {
        continue;
      }
      for (SourceConfig s : c.config().sources()) {
        assertThat(s.format().name()).as(c + ": source " + s.id() + " names its format").isNotNull();
        String name = s.format().name();
        FormatConfig mine = c.config().formats().get(name);
        for (LivelogConfig parser : parsers) {
          boolean known = mine == null ? Formats.builtins().find(name).isPresent() && !parser.formats().containsKey(name)
              : mine.equals(parser.formats().get(name));
          assertThat(known).as(c + ": format " + name + " of source " + s.id() + " is the parsers' too").isTrue();
        }
      }
    }
  }

  // --- probes, ports, metrics, shutdown ---------------------------------------------------------

  @Test
  void probesGetTheHealthEndpointsOnTheWebPortOfTheConfig() {
    for (LivelogContainer c : livelog) {
      int webPort = c.config().web().port();
      assertThat(c.config().web().host()).as(c + " web.host: reachable by the kubelet").isIn("0.0.0.0", "::");
      assertHttpProbe(c, "livenessProbe", LIVENESS_PATH, webPort);
      assertHttpProbe(c, "readinessProbe", READINESS_PATH, webPort);
      if (c.container().has("startupProbe")) {
        assertHttpProbe(c, "startupProbe", LIVENESS_PATH, webPort);
      }
    }
  }

  /**
   * A livelog process with each pod's roles and config (unclustered, its sources left out, the
   * embedded store in a temporary directory) answers 200 on the paths that pod's probes and
   * Prometheus annotation name.
   */
  @Test
  void aLivelogProcessWithThePodsRolesAnswersItsProbedPaths(@TempDir Path dir) throws Exception {
    for (LivelogContainer c : livelog) {
      LivelogConfig config = c.config().withSources(List.of())
          .withStorage(EmbeddedStoreKind.inDirectory(dir.resolve(c.workload().name()).toString()))
          .withWeb(new WebConfig("127.0.0.1", 0, c.config().web().auth()));
      LivelogNode node = LivelogNode.start(config, c.roles(), false, c.env())
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      try {
        for (String path : probedPaths(c)) {
          // Alone, a pod without the analyzer role has no store to reach: its readiness probe
          // is served and says not ready (503); every other probed path answers 200.
          boolean storeElsewhere = path.equals(READINESS_PATH) && !c.roles().contains(Role.ANALYZER);
          assertThat(httpStatus(node.webPort(), path)).as(c + ": GET " + path)
              .isEqualTo(storeElsewhere ? 503 : 200);
        }
      } finally {
        node.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    }
  }

  static List<String> probedPaths(LivelogContainer c) {
    List<String> paths = new ArrayList<>();
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      JsonNode path = c.container().path(probe).path("httpGet").path("path");
      if (path.isTextual()) {
        paths.add(path.asText());
      }
    }
    JsonNode metrics = c.workload().podTemplate().path("metadata").path("annotations").path("prometheus.io/path");
    if (metrics.isTextual()) {
      paths.add(metrics.asText());
    }
    return paths;
  }

  static int httpStatus(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theHazelcastContainerPortIsTheClusterPort() {
    for (LivelogContainer c : livelog) {
      assertThat(c.port(TextNode.valueOf(HAZELCAST_PORT_NAME)))
          .as(c + " port " + HAZELCAST_PORT_NAME).contains(c.config().cluster().port());
    }
  }

  @Test
  void prometheusAnnotationsPointAtTheMetricsEndpoint() {
    for (LivelogContainer c : livelog) {
      Map<String, String> annotations = K8sManifests.stringMap(c.workload().podTemplate().path("metadata").path("annotations"));
      assertThat(annotations).as(c + " annotations")
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(c.config().web().port()))
          .containsEntry("prometheus.io/path", METRICS_PATH);
    }
  }

  @Test
  void theGracePeriodOutlastsPreStopAndLivelogsOwnStopTimeout() throws Exception {
    Field timeout = ShutdownSignals.class.getDeclaredField("STOP_TIMEOUT_SECONDS");
    timeout.setAccessible(true);
    long stopSeconds = timeout.getLong(null);
    for (LivelogContainer c : livelog) {
      long grace = c.workload().podSpec().path("terminationGracePeriodSeconds").asLong(30);
      long preStop = preStopSleepSeconds(c.container());
      assertThat(grace).as(c + ": terminationGracePeriodSeconds >= preStop " + preStop
          + " s + livelog's stop timeout " + stopSeconds + " s").isGreaterThanOrEqualTo(preStop + stopSeconds);
    }
  }

  // --- Services, discovery, RBAC ------------------------------------------------------------

  @Test
  void theDiscoveryServiceIsHeadlessOnTheClusterPortAndPublishesNotReadyPods() {
    for (LivelogContainer c : livelog) {
      ClusterConfig cluster = c.config().cluster();
      K8sObject service = discoveryService(c);
      assertThat(service.spec().path("clusterIP").asText()).as(service + " clusterIP").isEqualTo("None");
      assertThat(service.spec().path("publishNotReadyAddresses").asBoolean(false))
          .as(service + ": pods are ready only once they joined, so not-ready pods must be found").isTrue();
      JsonNode port = servicePort(service, cluster.port());
      assertThat(port).as(service + ": a port " + cluster.port() + " (cluster.port)").isNotNull();
      assertThat(c.port(port.path("targetPort"))).as(c + ": the discovery Service's targetPort")
          .contains(cluster.port());
      Integer servicePort = cluster.kubernetes().servicePort();
      assertThat(servicePort == null ? cluster.port() : servicePort).as(c + " cluster.kubernetes.service_port")
          .isEqualTo(cluster.port());
    }
  }

  @Test
  void theDiscoveryServiceSelectsEveryLivelogPodAndNoOtherPod() {
    for (LivelogContainer c : livelog) {
      K8sObject service = discoveryService(c);
      for (K8sObject w : m.workloads()) {
        boolean runsLivelog = livelog.stream().anyMatch(l -> l.workload() == w);
        assertThat(selects(selector(service), w.podLabels()))
            .as(service + (runsLivelog ? " selects " : " does not select ") + w).isEqualTo(runsLivelog);
      }
    }
  }

  /** The Service the config's Kubernetes discovery names, in the kustomization's namespace. */
  static K8sObject discoveryService(LivelogContainer c) {
    ClusterConfig.KubernetesConfig k8s = c.config().cluster().kubernetes();
    assertThat(k8s).as(c + ": cluster.kubernetes (discovery in Kubernetes)").isNotNull();
    String[] dns = k8s.serviceDns() == null ? null : k8s.serviceDns().split("\\.");
    String name = dns == null ? k8s.serviceName() : dns[0];
    String namespace = dns == null ? k8s.namespace() : dns[1];
    assertThat(namespace).as(c + ": the discovery's namespace").isEqualTo(m.base.namespace());
    return m.find("Service", name).orElseThrow(() -> new AssertionError(c + ": no Service " + name));
  }

  @Test
  void kubernetesApiDiscoveryMayReadEndpointsAndPods() {
    for (LivelogContainer c : livelog) {
      if (c.config().cluster().kubernetes().serviceName() == null) {
        continue;
      }
      String account = c.workload().podSpec().path("serviceAccountName").asText("default");
      assertThat(m.find("ServiceAccount", account)).as(c + " serviceAccountName " + account).isPresent();
      List<JsonNode> rules = rulesBoundTo(account);
      for (String resource : List.of("endpoints", "pods")) {
        assertThat(grants(rules, "", resource, "get") && grants(rules, "", resource, "list"))
            .as(c + ": " + account + " may get and list " + resource).isTrue();
      }
      assertThat(grants(rules, "discovery.k8s.io", "endpointslices", "list"))
          .as(c + ": " + account + " may list endpointslices").isTrue();
    }
  }

  @Test
  void everyServiceSelectsPodsThatServeItsTargetPorts() {
    for (K8sObject s : m.ofKind("Service")) {
      List<K8sObject> pods = m.workloads().stream().filter(w -> selects(selector(s), w.podLabels())).toList();
      assertThat(pods).as(s + " selects some pod template").isNotEmpty();
      for (JsonNode port : s.spec().path("ports")) {
        JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
        for (K8sObject w : pods) {
          boolean served = false;
          for (JsonNode c : w.podSpec().path("containers")) {
            for (JsonNode p : c.path("ports")) {
              served |= target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                  : p.path("name").asText().equals(target.asText());
            }
          }
          assertThat(served).as(s + " targetPort " + target + " in " + w).isTrue();
        }
      }
    }
  }

  @Test
  void theWebServiceSendsPort80ToWebPods() {
    List<K8sObject> web = m.ofKind("Service").stream()
        .filter(s -> livelog.stream().anyMatch(c -> c.runs(Role.WEB) && selects(selector(s), c.workload().podLabels())))
        .filter(s -> !"None".equals(s.spec().path("clusterIP").asText()))
        .toList();
    assertThat(web).as("a Service in front of the web pods").hasSize(1);
    JsonNode port = servicePort(web.get(0), 80);
    assertThat(port).as(web.get(0) + " port 80").isNotNull();
    for (LivelogContainer c : livelog) {
      if (selects(selector(web.get(0)), c.workload().podLabels())) {
        assertThat(c.runs(Role.WEB)).as(web.get(0) + " selects only web pods: " + c).isTrue();
        assertThat(c.port(port.path("targetPort"))).as(web.get(0) + " targetPort in " + c)
            .contains(c.config().web().port());
      }
    }
  }

  @Test
  void disruptionBudgetsEachCoverOneDeployment() {
    for (K8sObject pdb : m.ofKind("PodDisruptionBudget")) {
      Map<String, String> selector = K8sManifests.stringMap(pdb.spec().path("selector").path("matchLabels"));
      List<K8sObject> covered = m.workloads().stream().filter(w -> selects(selector, w.podLabels())).toList();
      assertThat(covered).as(pdb + " covers").hasSize(1);
      assertThat(covered.get(0).kind()).as(pdb + ": a workload with a scale").isNotEqualTo("DaemonSet");
    }
  }

  @Test
  void theOptionalIngressRoutesToTheWebService() {
    for (K8sObject ingress : m.optionalObjects) {
      if (!ingress.kind().equals("Ingress")) {
        continue;
      }
      for (JsonNode backend : ingress.spec().findValues("service")) {
        K8sObject service = m.find("Service", backend.path("name").asText())
            .orElseThrow(() -> new AssertionError(ingress + ": no Service " + backend.path("name").asText()));
        JsonNode port = backend.path("port");
        boolean exists = false;
        for (JsonNode p : service.spec().path("ports")) {
          exists |= port.has("name") ? p.path("name").asText().equals(port.path("name").asText())
              : p.path("port").asInt() == port.path("number").asInt();
        }
        assertThat(exists).as(ingress + ": " + service + " port " + port).isTrue();
      }
    }
  }

  // --- Secrets, ConfigMaps, MongoDB ---------------------------------------------------------

  @Test
  void referencedConfigMapsAndSecretsExistWithTheirKeysOrTheReadmeSaysHowToCreateThem() throws IOException {
    String readme = Files.readString(m.repo.resolve("README.md"));
    for (K8sObject w : m.workloads()) {
      for (Reference ref : references(w)) {
        if (m.find(ref.kind(), ref.name()).isPresent()) {
          for (String key : ref.keys()) {
            assertThat(m.value(ref.kind(), ref.name(), key)).as(w + ": " + ref.kind() + " " + ref.name() + " key " + key).isPresent();
          }
        } else {
          assertThat(ref.kind()).as(w + ": ConfigMap " + ref.name() + " is in the base").isEqualTo("Secret");
          assertThat(readme.contains("create secret generic " + ref.name()))
              .as(w + ": the README tells how to create the Secret " + ref.name()).isTrue();
          for (String key : ref.keys()) {
            assertThat(Pattern.compile("--from-(file|literal)=" + Pattern.quote(key) + "=").matcher(readme).find())
                .as("the README's Secret " + ref.name() + " has the key " + key).isTrue();
          }
        }
      }
    }
  }

  // --- the image ----------------------------------------------------------------------------

  @Test
  void theDockerfileBuildsTheFatJarAndRunsItAsThePodsExpect() throws IOException {
    String dockerfile = Files.readString(m.repo.resolve("Dockerfile"));
    String launcher = Files.readString(m.repo.resolve("livelog"));
    Matcher build = Pattern.compile("mvn -B -q (-DskipTests package -pl app -am)").matcher(launcher);
    assertThat(build.find()).as("./livelog builds with mvn ... package -pl app -am").isTrue();
    assertThat(dockerfile).as("the Dockerfile builds as ./livelog does").contains("mvn -B -q " + build.group(1));

    String finalName = firstGroup("<finalName>([^<]+)</finalName>", Files.readString(m.repo.resolve("app/pom.xml")));
    assertThat(dockerfile).as("the fat jar copied from the build stage")
        .containsPattern("COPY --from=build \\S*app/target/" + Pattern.quote(finalName) + "\\.jar /opt/livelog/livelog\\.jar");
    assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/livelog/livelog.jar\"]");

    List<String> from = lines(dockerfile, "FROM ");
    assertThat(from.get(0)).as("build stage: Maven with JDK 17").contains("maven").contains("17");
    assertThat(from.get(from.size() - 1)).as("runtime stage: a JRE 17").contains("17").contains("jre");

    Set<String> exposed = Set.of(firstGroup("(?m)^EXPOSE (.+)$", dockerfile).trim().split("\\s+"));
    String user = firstGroup("(?m)^USER (\\d+)", dockerfile);
    for (LivelogContainer c : livelog) {
      assertThat(exposed).as("EXPOSE has " + c + "'s web.port, cluster.port and cluster.bus_port")
          .contains(String.valueOf(c.config().web().port()), String.valueOf(c.config().cluster().port()),
              String.valueOf(c.config().cluster().busPort()));
      assertThat(c.workload().podSpec().path("securityContext").path("runAsUser").asText())
          .as(c + " runAsUser is the image's user").isEqualTo(user);
    }
    assertThat(Integer.parseInt(user)).as("the image's user is not root").isPositive();
  }

  @Test
  void theDockerignoreKeepsBuildOutputAndLocalDataOutOfTheContext() throws IOException {
    List<String> ignored = Files.readAllLines(m.repo.resolve(".dockerignore")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(ignored).contains(".git", "**/target", "data");
    assertThat(ignored).as("what the build reads stays in").doesNotContain("pom.xml", "livelog.yaml", "app", "common");
  }

  // --- helpers ------------------------------------------------------------------------------

  List<K8sObject> allObjects() {
    return Stream.concat(m.objects.stream(), m.optionalObjects.stream()).toList();
  }

  static List<String> normalized(List<String> files) {
    return files.stream().map(f -> Path.of(f).normalize().toString().replace('\\', '/')).toList();
  }

  static void assertOnlyKeys(JsonNode node, Set<String> allowed, String where) {
    assertThat(fieldNames(node)).as(where + ": fields Kubernetes knows").isSubsetOf(allowed);
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  static Map<String, String> selector(K8sObject service) {
    return K8sManifests.stringMap(service.spec().path("selector"));
  }

  static JsonNode servicePort(K8sObject service, int port) {
    for (JsonNode p : service.spec().path("ports")) {
      if (p.path("port").asInt() == port) {
        return p;
      }
    }
    return null;
  }

  static JsonNode envVar(LivelogContainer c, String name) {
    for (JsonNode var : c.container().path("env")) {
      if (var.path("name").asText().equals(name)) {
        return var;
      }
    }
    throw new AssertionError(c + ": no env " + name);
  }

  /** The hosts of the config's SSH sources: those a source process connects to. */
  static List<HostConfig> hostsFollowed(LivelogConfig config) {
    return config.sources().stream().map(s -> s.text("host")).filter(Objects::nonNull).distinct()
        .map(config.hosts()::get).toList();
  }

  /** The mount that holds this file (the deepest), checked to show the file itself. */
  static JsonNode assertMountedFile(LivelogContainer c, String file) {
    Path path = Path.of(file);
    JsonNode best = null;
    for (JsonNode mount : c.container().path("volumeMounts")) {
      Path at = Path.of(mount.path("mountPath").asText());
      if (path.startsWith(at) && (best == null || at.getNameCount() > Path.of(best.path("mountPath").asText()).getNameCount())) {
        best = mount;
      }
    }
    assertThat(best).as(c + ": " + file + " is under a volume mount").isNotNull();
    JsonNode volume = LivelogContainer.volume(c.workload(), best.path("name").asText());
    Path at = Path.of(best.path("mountPath").asText());
    JsonNode projected = volume.has("secret") ? volume.path("secret") : volume.path("configMap");
    if (!projected.isMissingNode() && !at.equals(path)) {
      assertThat(LivelogContainer.keyForFile(projected, at.relativize(path).toString()))
          .as(c + ": volume " + best.path("name").asText() + " shows " + file).isNotNull();
    }
    return best;
  }

  void assertHttpProbe(LivelogContainer c, String probe, String path, int webPort) {
    JsonNode get = c.container().path(probe).path("httpGet");
    assertThat(get.isMissingNode()).as(c + " " + probe + " is an httpGet").isFalse();
    assertThat(get.path("path").asText()).as(c + " " + probe + " path").isEqualTo(path);
    assertThat(c.port(get.path("port"))).as(c + " " + probe + " port " + get.path("port") + ": web.port")
        .contains(webPort);
  }

  static long preStopSleepSeconds(JsonNode container) {
    JsonNode preStop = container.path("lifecycle").path("preStop");
    if (preStop.has("sleep")) {
      return preStop.path("sleep").path("seconds").asLong();
    }
    List<String> command = K8sManifests.texts(preStop.path("exec").path("command"));
    return command.size() == 2 && command.get(0).equals("sleep") ? Long.parseLong(command.get(1)) : 0;
  }

  /** Roles that the RoleBindings of this ServiceAccount (in the kustomization's namespace) grant. */
  static List<JsonNode> rulesBoundTo(String account) {
    List<JsonNode> rules = new ArrayList<>();
    for (K8sObject binding : m.ofKind("RoleBinding")) {
      boolean bound = false;
      for (JsonNode s : binding.node().path("subjects")) {
        bound |= s.path("kind").asText().equals("ServiceAccount") && s.path("name").asText().equals(account)
            && s.path("namespace").asText(m.base.namespace()).equals(m.base.namespace());
      }
      JsonNode roleRef = binding.node().path("roleRef");
      if (bound && roleRef.path("kind").asText().equals("Role")) {
        m.find("Role", roleRef.path("name").asText())
            .ifPresent(role -> role.node().path("rules").forEach(rules::add));
      }
    }
    return rules;
  }

  static boolean grants(List<JsonNode> rules, String group, String resource, String verb) {
    return rules.stream().anyMatch(r -> K8sManifests.texts(r.path("apiGroups")).contains(group)
        && K8sManifests.texts(r.path("resources")).contains(resource)
        && K8sManifests.texts(r.path("verbs")).contains(verb));
  }

  record Reference(String kind, String name, List<String> keys) {}

  /** The ConfigMaps and Secrets a workload's pods use, with the keys they need. */
  static List<Reference> references(K8sObject w) {
    List<Reference> refs = new ArrayList<>();
    for (JsonNode c : w.podSpec().path("containers")) {
      for (JsonNode var : c.path("env")) {
        JsonNode from = var.path("valueFrom");
        for (String kind : List.of("Secret", "ConfigMap")) {
          JsonNode ref = from.path(kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef");
          if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
            refs.add(new Reference(kind, ref.path("name").asText(), List.of(ref.path("key").asText())));
          }
        }
      }
    }
    for (JsonNode v : w.podSpec().path("volumes")) {
      JsonNode secret = v.path("secret");
      JsonNode configMap = v.path("configMap");
      if (!secret.isMissingNode() && !secret.path("optional").asBoolean(false)) {
        refs.add(new Reference("Secret", secret.path("secretName").asText(), itemKeys(secret)));
      }
      if (!configMap.isMissingNode()) {
        refs.add(new Reference("ConfigMap", configMap.path("name").asText(), itemKeys(configMap)));
      }
    }
    return refs;
  }

  static List<String> itemKeys(JsonNode volumeSource) {
    List<String> keys = new ArrayList<>();
    volumeSource.path("items").forEach(i -> keys.add(i.path("key").asText()));
    return keys;
  }

  /** A Kubernetes quantity in base units: cores for CPU ("250m", "2"), bytes for memory ("768Mi"). */
  static double quantity(String text) {
    Matcher q = Pattern.compile("([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?").matcher(text);
    if (!q.matches()) {
      fail("not a quantity: " + text);
    }
    double value = Double.parseDouble(q.group(1));
    return value * switch (q.group(2) == null ? "" : q.group(2)) {
      case "m" -> 1e-3;
      case "k" -> 1e3;
      case "M" -> 1e6;
      case "G" -> 1e9;
      case "T" -> 1e12;
      case "Ki" -> 1024d;
      case "Mi" -> 1024d * 1024;
      case "Gi" -> 1024d * 1024 * 1024;
      case "Ti" -> 1024d * 1024 * 1024 * 1024;
      default -> 1d;
    };
  }

  static String withoutComments(String yaml) {
    return yaml.lines().map(l -> l.strip().startsWith("#") ? "" : l).collect(Collectors.joining("\n"));
  }

  static String firstGroup(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("/" + regex + "/").isTrue();
    return matcher.group(1);
  }

  static List<String> lines(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).toList();
  }

}
