package dev.livelog.parser;

import static dev.livelog.parser.FormatConfigYamlTest.failure;
import static dev.livelog.parser.LogLineWriter.Escape.NGINX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.container.KubernetesLogFile;
import dev.livelog.common.event.LogEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Formats wrapped in a container runtime's envelope ({@code cri}, {@code docker}): the program's
 * line parsed by the wrapped format, the stream and the runtime's time added, and the pod and
 * container taken from the kubelet's file name.
 */
class ContainerFormatsTest {
  private static final String CONTAINERS_PATH = "/var/log/containers/"
      + "ingress-nginx-controller-7d9c8b6f5-x2x7q_ingress-nginx_controller-"
      + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log";
  private static final String PODS_PATH = "/host/var/log/pods/"
      + "ingress-nginx_ingress-nginx-controller-7d9c8b6f5-x2x7q_5f1e6a1c-2d3b-4c5d-8e9f-0a1b2c3d4e5f"
      + "/controller/3.log";

  private static String upstreaminfoLine() {
    Map<String, String> v = new HashMap<>();
    v.put("remote_addr", "203.0.113.9");
    v.put("time_local", "07/Dec/2026:10:00:00 +0000");
    v.put("request", "GET /cart HTTP/2.0");
    v.put("status", "502");
    v.put("body_bytes_sent", "150");
    v.put("http_user_agent", "curl/8.5.0");
    v.put("request_length", "80");
    v.put("request_time", "0.003");
    v.put("proxy_upstream_name", "shop-cart-80");
    v.put("proxy_alternative_upstream_name", "");
    v.put("upstream_addr", "10.244.1.7:8080, 10.244.2.9:8080");
    v.put("upstream_response_length", "0, 0");
    v.put("upstream_response_time", "0.001, 0.002");
    v.put("upstream_status", "502, 502");
    v.put("req_id", "9f0c");
    String def = Formats.builtins().find("upstreaminfo").orElseThrow().config().text("nginx");
    return LogLineWriter.line(def, v, NGINX);
  }

  private static BatchParser.Result parse(FormatConfig format, String path, String... lines) {
    long[] offsets = new long[lines.length];
    for (int i = 0; i < lines.length; i++) {
      offsets[i] = i * 1000L;
    }
    LineBatch batch = new LineBatch(new SourceOrigin("ingress", "node1", path, "1-2"), offsets,
        lines, lines.length * 1000L);
    return new BatchParser(Formats.compile(format)).parse(batch, 42L);
  }

  @Test
  void criAroundUpstreaminfoGivesItsFieldsTheStreamAndThePodsNames() {
    String line = "2026-12-07T10:00:00.123456789Z stdout F " + upstreaminfoLine();
    for (String path : List.of(CONTAINERS_PATH, PODS_PATH)) {
      LogEvent e = parse(FormatConfig.of("cri", "upstreaminfo"), path, line).events().events().get(0);
      assertThat(e.fields()).containsEntry("status", 502L)
          .containsEntry("upstream_status", List.of(502L, 502L))
          .containsEntry("proxy_upstream_name", "shop-cart-80")
          .containsEntry("stream", "stdout")
          .containsEntry("k8s.namespace", "ingress-nginx")
          .containsEntry("k8s.pod", "ingress-nginx-controller-7d9c8b6f5-x2x7q")
          .containsEntry("k8s.container", "controller");
      assertThat(e.time()).as("nginx's own time").isEqualTo(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli());
    }
    LogEvent plain = parse(FormatConfig.of("cri", "upstreaminfo"), "/tmp/app.log", line)
        .events().events().get(0);
    assertThat(plain.fields()).containsEntry("stream", "stdout").doesNotContainKey("k8s.pod");
  }

  @Test
  void aLineWithoutATimeGetsTheRuntimesAndDockerReadsTheSame() {
    FormatConfig numbered = FormatConfig.of("regex", "^(?P<n>\\d+) (?P<text>.*)$")
        .withTypes(Map.of("n", "int"));
    LogEvent cri = parse(FormatConfig.of("cri", Map.of("regex", "^(?P<n>\\d+) (?P<text>.*)$",
            "types", Map.of("n", "int"))), PODS_PATH,
        "2026-12-07T10:00:00.250000000+01:00 stderr F 7 seven").events().events().get(0);
    assertThat(cri.time()).isEqualTo(Instant.parse("2026-12-07T09:00:00.250Z").toEpochMilli());
    assertThat(cri.fields()).containsEntry("n", 7L).containsEntry("stream", "stderr");
    Map<String, FormatConfig> formats = Map.of("numbered", numbered);
    LogEvent docker = new BatchParser(Formats.compile(FormatConfig.of("docker", "numbered"), formats))
        .parse(new LineBatch(new SourceOrigin("d", "h", "/var/lib/docker/containers/x/x-json.log", "1"),
            new long[] {0}, new String[] {
                "{\"log\":\"8 eight \\\"q\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-07T10:00:01.5Z\"}"}, 100), 0)
        .events().events().get(0);
    assertThat(docker.fields()).containsEntry("n", 8L).containsEntry("text", "eight \"q\"")
        .containsEntry("stream", "stdout");
    assertThat(docker.time()).isEqualTo(Instant.parse("2026-12-07T10:00:01.500Z").toEpochMilli());
  }

  @Test
  void badLinesSayWhereAndTheEnvelopesFieldsDoNotReplaceTheFormats() {
    String truncated = "2026-12-07T10:00:00Z stdout F 203.0.113.9 - - [bad";
    BatchParser.Result r = parse(FormatConfig.of("cri", "upstreaminfo"), PODS_PATH,
        "not a container log line", truncated);
    assertThat(r.deadLetters()).extracting(d -> d.reason()).satisfiesExactly(
        reason -> assertThat(reason).contains("not a line of a cri container log"),
        reason -> assertThat(reason).as("the character in the whole line")
            .endsWith("(at character " + truncated.indexOf("bad") + ")"));
    LogEvent own = parse(FormatConfig.of("cri", Map.of("json", Map.of())), PODS_PATH,
        "2026-12-07T10:00:00Z stdout F {\"stream\":\"mine\",\"k8s.pod\":\"p\"}").events().events().get(0);
    assertThat(own.fields()).containsEntry("stream", "mine").containsEntry("k8s.pod", "p")
        .containsEntry("k8s.namespace", "ingress-nginx");
  }

  @Test
  void configErrorsNameTheWrappedFormat() {
    assertThat(failure("formats: {x: {cri: nope}}")).hasMessageStartingWith(
        "formats.x.cri: unknown format 'nope'");
    assertThat(failure("formats: {x: {cri: {regex: '(?P<a>'}}}").field()).isEqualTo("formats.x.cri.regex");
    assertThat(failure("formats: {x: {docker: [a]}}")).hasMessageStartingWith(
        "formats.x.docker: expected a format name or a mapping");
    assertThat(failure("formats: {x: {cri: combined, types: {a: int}}}").field()).isEqualTo("formats.x.types");
  }

  @Test
  void theKubeletsFileNamesGiveThePodAndContainer() {
    assertThat(KubernetesLogFile.of(CONTAINERS_PATH)).contains(new KubernetesLogFile(
        "ingress-nginx", "ingress-nginx-controller-7d9c8b6f5-x2x7q", "controller"));
    assertThat(KubernetesLogFile.of(PODS_PATH)).contains(new KubernetesLogFile(
        "ingress-nginx", "ingress-nginx-controller-7d9c8b6f5-x2x7q", "controller"));
    assertThat(KubernetesLogFile.of(PODS_PATH.replace("3.log", "3.log.20261207-101500.gz")))
        .isPresent();
    assertThat(KubernetesLogFile.of("/var/log/nginx/access.log")).isEmpty();
    assertThat(KubernetesLogFile.of("/var/log/containers/not_a_kubelet_name.log")).isEmpty();
  }
}
