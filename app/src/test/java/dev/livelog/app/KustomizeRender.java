package dev.livelog.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livelog.app.K8sManifests.K8sObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Comparator;

/**
 * The base as a user deploys it: a copy of {@code k8s/} (without any secrets of this working
 * tree), where the shell blocks of the README that write {@code k8s/secrets/} ran as the
 * README shows them, rendered by {@code kubectl kustomize}.
 */
final class KustomizeRender {
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  private KustomizeRender() {}

  /** A new directory holding {@code k8s/} and what the README's secrets steps wrote in it. */
  static Path copyWithReadmeSecrets(Path repo) {
    try {
      Path copy = Files.createTempDirectory("livelog-k8s-");
      Path k8s = repo.resolve("k8s");
      try (Stream<Path> files = Files.walk(k8s)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path relative = k8s.relativize(f);
          if (relative.startsWith(K8sManifests.SECRETS_DIR)) {
            continue;
          }
          Path target = copy.resolve("k8s").resolve(relative);
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
      String readme = Files.readString(repo.resolve("README.md"));
      List<String> blocks = secretsBlocks(readme);
      if (blocks.isEmpty()) {
        throw new AssertionError("the README shows no step that writes k8s/" + K8sManifests.SECRETS_DIR + "/");
      }
      for (String block : blocks) {
        run(copy, List.of("bash", "-euo", "pipefail", "-c", block), "README step:\n" + block);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The README's shell blocks that write files under {@code k8s/secrets/}. */
  static List<String> secretsBlocks(String readme) {
    List<String> out = new ArrayList<>();
    Matcher m = SH_BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).contains("> k8s/" + K8sManifests.SECRETS_DIR + "/")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** {@code kubectl kustomize dir}, each document an object (its file: {@code dir}). */
  static List<K8sObject> render(Path dir) {
    String yaml = run(dir, List.of("kubectl", "kustomize", dir.toString()), "kubectl kustomize " + dir);
    try {
      List<K8sObject> objects = new ArrayList<>();
      for (JsonNode doc : K8sManifests.YAML.readValues(K8sManifests.YAML.getFactory().createParser(yaml),
          JsonNode.class).readAll()) {
        if (doc != null && !doc.isNull()) {
          objects.add(new K8sObject(dir, doc));
        }
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the copy (it holds the secrets the README's steps made). */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(Path dir, List<String> command, String what) {
    try {
      Path out = Files.createTempFile("livelog-k8s-", ".out");
      Path err = Files.createTempFile("livelog-k8s-", ".err");
      try {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(what + ": did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(what + ": exit " + p.exitValue() + "\n" + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
