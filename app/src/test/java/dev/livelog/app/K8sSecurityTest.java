package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.app.K8sManifests.K8sObject;
import dev.livelog.app.NetworkPolicies.Peer;
import dev.livelog.common.config.ClusterConfig;
import dev.livelog.store.StoreKinds;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base's security, over what {@code kubectl kustomize k8s/} renders once the
 * README's deploy steps wrote the secrets: no secret in a committed file, MongoDB's own user
 * for livelog, network policies that let only livelog pods reach the cluster's ports, only
 * the ingress controller reach the dashboard and only the analyzers reach MongoDB, the event
 * bus on a fixed port over mutual TLS, no API token where none is needed, read-only root
 * file systems, images pinned by digest.
 */
class K8sSecurityTest {
  static final Pattern URI_CREDENTIALS = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@\"']+:[^@\\s/\"']+@");
  static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passphrase|secret|token|_key|_uri).*");

  static K8sManifests m;
  static List<LivelogContainer> livelog;
  static String namespace;

  @BeforeAll
  static void render() {
    m = K8sManifests.load();
    livelog = LivelogContainer.all(m);
    namespace = m.base.namespace();
  }

  // --- secrets ------------------------------------------------------------------------------

  @Test
  void theSecretsDirectoryIsIgnoredByGit() throws Exception {
    Process git = new ProcessBuilder("git", "check-ignore", "-q", "k8s/" + K8sManifests.SECRETS_DIR + "/mongodb.env")
        .directory(m.repo.toFile()).inheritIO().start();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git check-ignore k8s/secrets/mongodb.env").isZero();
  }

  @Test
  void noCommittedFileHoldsASecretAndEverySecretIsGeneratedFromTheIgnoredFiles() throws Exception {
    for (String file : m.filesUnderK8s()) {
      String text = Files.readString(m.k8s.resolve(file));
      assertThat(URI_CREDENTIALS.matcher(text).find()).as(file + ": a URI with credentials").isFalse();
      for (JsonNode doc : K8sManifests.readDocuments(m.k8s.resolve(file))) {
        assertThat(doc.path("kind").asText()).as(file + ": a Secret in a committed file").isNotEqualTo("Secret");
      }
    }
    for (K8sObject o : m.rendered) {
      if (o.kind().equals("Secret")) {
        assertThat(m.base.generatedSecretNames()).as(o + ": made by the secretGenerator")
            .anyMatch(name -> o.name().startsWith(name + "-"));
        continue;
      }
      String text = K8sManifests.YAML.writeValueAsString(o.node());
      assertThat(URI_CREDENTIALS.matcher(text).find()).as(o + ": a URI with credentials outside a Secret").isFalse();
      for (JsonNode var : o.node().findValues("env")) {
        for (JsonNode v : var) {
          if (SECRET_NAME.matcher(v.path("name").asText()).matches()) {
            assertThat(v.has("value")).as(o + ": env " + v.path("name").asText() + " written in the manifest").isFalse();
          }
        }
      }
    }
  }

  @Test
  void livelogLogsIntoMongoDbAsItsOwnUserWithReadWriteOnItsDatabaseOnly() throws Exception {
    K8sObject mongo = m.find("StatefulSet", "livelog-mongodb").orElseThrow();
    JsonNode container = mongo.podSpec().path("containers").get(0);
    Map<String, String> env = envOf(container);
    String root = env.get("MONGO_INITDB_ROOT_USERNAME");
    String database = env.get("MONGO_INITDB_DATABASE");
    assertThat(env.get("MONGO_INITDB_ROOT_PASSWORD")).as("root's password, from the Secret").isNotBlank();

    String script = initScript(mongo, container);
    Matcher create = Pattern.compile("createUser\\(\\{\\s*user: process\\.env\\.(\\w+),\\s*pwd: process\\.env\\.(\\w+),"
        + "\\s*roles: \\[(.*?)\\],\\s*\\}\\)", Pattern.DOTALL).matcher(script);
    assertThat(create.find()).as("the init script creates a user:\n" + script).isTrue();
    assertThat(create.group(3).strip()).as("its roles")
        .isEqualTo("{role: \"readWrite\", db: process.env.MONGO_INITDB_DATABASE}");
    assertThat(List.of(create.group(1), create.group(2))).as("the image unsets MONGO_INITDB_* before mongod runs")
        .allMatch(name -> name.startsWith("MONGO_INITDB_"));
    String user = env.get(create.group(1));
    String password = env.get(create.group(2));
    assertThat(user).isNotBlank().isNotEqualTo(root);
    assertThat(password).isNotBlank().isNotEqualTo(env.get("MONGO_INITDB_ROOT_PASSWORD"));

    List<LivelogContainer> analyzers = livelog.stream().filter(c -> c.runs(Role.ANALYZER)).toList();
    assertThat(analyzers).isNotEmpty();
    for (LivelogContainer c : analyzers) {
      String uriText = c.config().storage().settings().get("mongo").value().path("uri").asText();
      URI uri = URI.create(uriText);
      assertThat(uri.getUserInfo()).as(c + ": the URI's user is livelog's, not root").isEqualTo(user + ":" + password);
      assertThat(uri.getQuery()).as(c + ": authenticated against livelog's database").contains("authSource=" + database);
      assertThat(c.config().storage().settings().get("mongo").value().path("database").asText("livelog"))
          .as(c + ": storage.mongo.database is the one the user may write").isEqualTo(database);
      K8sObject service = m.find("Service", uri.getHost()).orElseThrow(() -> new AssertionError(c + ": no Service " + uri.getHost()));
      assertThat(K8sManifestsTest.selects(K8sManifestsTest.selector(service), mongo.podLabels())).isTrue();
      assertThatCode(() -> StoreKinds.validate(c.config().storage())).as(c + ": livelog takes the URI the README's step made")
          .doesNotThrowAnyException();
    }
  }

  private static String initScript(K8sObject mongo, JsonNode container) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals("/docker-entrypoint-initdb.d")) {
        String configMap = LivelogContainer.volume(mongo, mount.path("name").asText()).path("configMap").path("name").asText();
        JsonNode data = m.find("ConfigMap", configMap).orElseThrow().node().path("data");
        List<String> scripts = new ArrayList<>();
        data.fields().forEachRemaining(e -> scripts.add(e.getValue().asText()));
        assertThat(scripts).as("ConfigMap " + configMap).hasSize(1);
        return scripts.get(0);
      }
    }
    throw new AssertionError(mongo + ": nothing mounted at /docker-entrypoint-initdb.d");
  }

  /** A container's environment: values, and Secret keys as rendered. */
  private static Map<String, String> envOf(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : container.path("env")) {
      JsonNode ref = var.path("valueFrom").path("secretKeyRef");
      env.put(var.path("name").asText(), var.has("value") ? var.path("value").asText()
          : m.value("Secret", ref.path("name").asText(), ref.path("key").asText()).orElse(null));
    }
    return env;
  }

  // --- network policies ---------------------------------------------------------------------

  static final Peer STRANGER = new Peer("another pod of the namespace", "livelog",
      Map.of("kubernetes.io/metadata.name", "livelog"), Map.of("app", "debug-shell"));
  static final Peer IMPOSTOR = new Peer("a pod labelled as livelog in another namespace", "default",
      Map.of("kubernetes.io/metadata.name", "default"), Map.of("app.kubernetes.io/name", "livelog",
          "app.kubernetes.io/component", "analyzer"));
  static final Peer INGRESS = new Peer("the ingress controller", "ingress-nginx",
      Map.of("kubernetes.io/metadata.name", "ingress-nginx"), Map.of("app.kubernetes.io/name", "ingress-nginx",
          "app.kubernetes.io/component", "controller"));

  static NetworkPolicies policies() {
    return new NetworkPolicies(m.rendered);
  }

  static Peer podOf(K8sObject w) {
    return new Peer(w.toString(), namespace, Map.of("kubernetes.io/metadata.name", namespace), w.podLabels());
  }

  @Test
  void everyPodIsClosedButToWhatAPolicyAllows() {
    for (K8sObject w : m.workloads()) {
      assertThat(policies().isolates(namespace, w)).as(w + ": selected by an Ingress policy").isTrue();
    }
  }

  @Test
  void hazelcastAndTheEventBusTakeLivelogPodsOnly() {
    NetworkPolicies policies = policies();
    for (LivelogContainer target : livelog) {
      ClusterConfig cluster = target.config().cluster();
      for (int port : List.of(cluster.port(), cluster.busPort())) {
        for (LivelogContainer from : livelog) {
          assertThat(policies.allows(podOf(from.workload()), namespace, target.workload(), port))
              .as(from.workload() + " -> " + target.workload() + ":" + port).isTrue();
        }
        for (Peer outsider : outsiders()) {
          assertThat(policies.allows(outsider, namespace, target.workload(), port))
              .as(outsider + " -> " + target.workload() + ":" + port).isFalse();
        }
      }
    }
  }

  @Test
  void theDashboardTakesTheIngressControllerOnly() {
    NetworkPolicies policies = policies();
    for (LivelogContainer target : livelog) {
      int web = target.config().web().port();
      assertThat(policies.allows(INGRESS, namespace, target.workload(), web))
          .as("ingress -> " + target.workload() + ":" + web).isEqualTo(target.runs(Role.WEB));
      List<Peer> others = new ArrayList<>(List.of(STRANGER, IMPOSTOR));
      livelog.forEach(c -> others.add(podOf(c.workload())));
      for (Peer from : others) {
        assertThat(policies.allows(from, namespace, target.workload(), web)).as(from + " -> " + target.workload() + ":" + web).isFalse();
      }
    }
  }

  @Test
  void mongoDbTakesTheAnalyzersOnly() {
    NetworkPolicies policies = policies();
    K8sObject mongo = m.find("StatefulSet", "livelog-mongodb").orElseThrow();
    int port = mongo.podSpec().path("containers").get(0).path("ports").get(0).path("containerPort").asInt();
    for (LivelogContainer from : livelog) {
      assertThat(policies.allows(podOf(from.workload()), namespace, mongo, port))
          .as(from.workload() + " -> MongoDB").isEqualTo(from.runs(Role.ANALYZER));
    }
    for (Peer outsider : outsiders()) {
      assertThat(policies.allows(outsider, namespace, mongo, port)).as(outsider + " -> MongoDB").isFalse();
    }
  }

  @Test
  void theOptionalMetricsComponentLetsPrometheusScrapeEveryLivelogPod() {
    Peer prometheus = new Peer("Prometheus", "monitoring", Map.of("kubernetes.io/metadata.name", "monitoring"),
        Map.of("app.kubernetes.io/name", "prometheus"));
    List<K8sObject> withComponent = new ArrayList<>(m.rendered);
    withComponent.addAll(m.optionalObjects);
    for (LivelogContainer target : livelog) {
      int web = target.config().web().port();
      assertThat(policies().allows(prometheus, namespace, target.workload(), web)).as("without the component").isFalse();
      assertThat(new NetworkPolicies(withComponent).allows(prometheus, namespace, target.workload(), web))
          .as("Prometheus -> " + target.workload() + ":" + web).isTrue();
    }
  }

  static List<Peer> outsiders() {
    List<Peer> out = new ArrayList<>(List.of(STRANGER, IMPOSTOR, INGRESS));
    m.workloads().stream().filter(w -> livelog.stream().noneMatch(c -> c.workload() == w))
        .forEach(w -> out.add(podOf(w)));
    return out;
  }

  // --- the event bus ------------------------------------------------------------------------

  @Test
  void theEventBusHasAFixedDeclaredPortAndMutualTlsFromASecret() {
    for (LivelogContainer c : livelog) {
      ClusterConfig cluster = c.config().cluster();
      assertThat(cluster.busPort()).as(c + " cluster.bus_port").isPositive().isNotEqualTo(cluster.port());
      assertThat(c.port(com.fasterxml.jackson.databind.node.TextNode.valueOf("bus"))).as(c + ": port bus")
          .contains(cluster.busPort());
      assertThat(cluster.tls()).as(c + " cluster.tls").isNotNull();
      for (String file : List.of(cluster.tls().ca(), cluster.tls().cert(), cluster.tls().key())) {
        JsonNode mount = K8sManifestsTest.assertMountedFile(c, file);
        assertThat(LivelogContainer.volume(c.workload(), mount.path("name").asText()).has("secret"))
            .as(c + ": " + file + " from a Secret").isTrue();
      }
    }
  }

  // --- pods ---------------------------------------------------------------------------------

  @Test
  void onlyPodsThatDiscoverTheClusterThroughTheApiGetAToken() {
    for (K8sObject w : m.workloads()) {
      String account = w.podSpec().path("serviceAccountName").asText("default");
      JsonNode podSetting = w.podSpec().path("automountServiceAccountToken");
      JsonNode accountSetting = m.find("ServiceAccount", account)
          .map(a -> a.node().path("automountServiceAccountToken")).orElse(null);
      boolean mounted = podSetting.isBoolean() ? podSetting.asBoolean()
          : accountSetting == null || accountSetting.asBoolean(true);
      boolean needed = livelog.stream().anyMatch(c -> c.workload() == w
          && c.config().cluster().kubernetes() != null && c.config().cluster().kubernetes().serviceName() != null);
      assertThat(mounted).as(w + ": an API token mounted").isEqualTo(needed);
    }
  }

  @Test
  void everyContainerHasAReadOnlyRootFileSystem() {
    for (K8sObject w : m.workloads()) {
      for (JsonNode c : w.podSpec().path("containers")) {
        assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false))
            .as(w + " container " + c.path("name").asText()).isTrue();
        assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true))
            .as(w + " allowPrivilegeEscalation").isFalse();
      }
    }
  }

  @Test
  void theReadmesDeployStepsPinEveryImageByDigest() throws Exception {
    String readme = Files.readString(m.repo.resolve("README.md"));
    String deploy = readme.substring(readme.indexOf("## Deploy to Kubernetes"));
    for (K8sObject w : m.workloads()) {
      for (JsonNode c : w.podSpec().path("containers")) {
        String name = LivelogContainer.imageName(c.path("image").asText());
        assertThat(m.rewrittenImageNames()).as(w + ": image " + name + " is one the kustomization sets").contains(name);
        assertThat(Pattern.compile("kustomize edit set image " + Pattern.quote(name) + "=\\S+@\\S+").matcher(deploy).find())
            .as("the README's deploy steps set " + name + " by digest").isTrue();
      }
    }
  }
}
