package dev.livelog.source.glob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.Setting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileSetSelectionTest {
  private static final List<String> LISTED = List.of(
      "/logs/a.log", "/logs/a.log.1", "/logs/a.log.2.gz", "/logs/a.log-20261207",
      "/logs/b.log", "/logs/default.log", "/logs/c.log.gz", "/logs/notes.txt");

  @Test
  void rotationsAndCompressedFilesAreNotFollowedTwiceAndExcludesApply() {
    FileSetSelection selection = new FileSetSelection(PathGlob.compile("/logs/*.log*"),
        List.of("default.*"), 64);
    FileSetSelection.Result result = selection.select(LISTED, Set.of());
    assertThat(result.added().keySet()).containsExactly("/logs/a.log", "/logs/b.log");
    assertThat(result.matching()).isEqualTo(2);
    assertThat(result.capped()).isFalse();
  }

  @Test
  void capturesAreTheFilesFields() {
    FileSetSelection selection = new FileSetSelection(PathGlob.compile("/logs/<site>.log"),
        List.of("/logs/default.log"), 64);
    assertThat(selection.select(LISTED, Set.of()).added())
        .isEqualTo(Map.of("/logs/a.log", Map.of("site", "a"), "/logs/b.log", Map.of("site", "b")));
  }

  @Test
  void theCapKeepsFollowedFilesAndCountsTheRest() {
    FileSetSelection selection = new FileSetSelection(PathGlob.compile("/logs/*.log"),
        List.of(), 2);
    FileSetSelection.Result result = selection.select(LISTED, Set.of("/logs/b.log"));
    assertThat(result.added().keySet()).containsExactly("/logs/a.log");
    assertThat(result.matching()).isEqualTo(3);
    assertThat(result.left()).isEqualTo(1);
    assertThat(result.capped()).isTrue();
    assertThat(FileSetSelection.cappedMessage(2, 1))
        .isEqualTo("max_files (2) reached: 1 more matching file is not followed");
  }

  @Test
  void aKubernetesSelectionKeepsThePodsContainerLogsItNames() {
    String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    List<String> containers = List.of(
        "/var/log/containers/ingress-nginx-controller-7d9c8b6f5-x2x7q_ingress-nginx_controller-"
            + id + ".log",
        "/var/log/containers/ingress-nginx-admission-patch-9k2lp_ingress-nginx_patch-" + id + ".log",
        "/var/log/containers/ingress-nginx-controller-7d9c8b6f5-x2x7q_ingress-nginx_sidecar-"
            + id + ".log",
        "/var/log/containers/web-5f7b9c-abcde_shop_controller-" + id + ".log",
        "/var/log/containers/not-a-kubelet-name.log");
    Setting pods = setting("{namespace: ingress-nginx, pod: 'ingress-nginx-controller-*',"
        + " container: controller}");
    FileSetSelection selection = new FileSetSelection(
        PathGlob.compile("/var/log/containers/*.log"), List.of(), 64, PodSelector.of(pods));
    FileSetSelection.Result result = selection.select(containers, Set.of());
    assertThat(result.added().keySet()).containsExactly(containers.get(0));
    assertThat(result.matching()).isEqualTo(1);

    List<String> podFiles = List.of(
        "/var/log/pods/ingress-nginx_ingress-nginx-controller-7d9c8b6f5-x2x7q_5f1e6a1c-2d3b-4c5d-"
            + "8e9f-0a1b2c3d4e5f/controller/0.log",
        "/var/log/pods/ingress-nginx_ingress-nginx-controller-7d9c8b6f5-x2x7q_5f1e6a1c-2d3b-4c5d-"
            + "8e9f-0a1b2c3d4e5f/controller/0.log.20261207-101500",
        "/var/log/pods/kube-system_coredns-5d78c9869d-4xk2p_0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/"
            + "coredns/0.log");
    FileSetSelection namespaces = new FileSetSelection(PathGlob.compile("/var/log/pods/**/*.log*"),
        List.of(), 64, PodSelector.of(setting("{namespace: [ingress-nginx, 'kube-*']}")));
    assertThat(namespaces.select(podFiles, Set.of()).added().keySet())
        .as("the rotation is read through 0.log").containsExactly(podFiles.get(0), podFiles.get(2));
  }

  /** The {@code kubernetes:} setting as the config loader reads it. */
  private static Setting setting(String yaml) {
    return ConfigLoader.parse("sources: [{id: k, path: /x/*.log, format: c, kubernetes: " + yaml
        + "}]").sources().get(0).settings().get("kubernetes");
  }
}
