package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every livelog config snippet the README shows is one a user can paste: it loads and passes
 * the same checks as {@code check-config} (a snippet is checked on its own, as a whole file).
 */
class ReadmeExamplesTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyConfigSnippetInTheReadmeLoadsAndValidates() throws Exception {
    List<String> snippets = configSnippets(Files.readString(Path.of("..", "README.md")));
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(8);
    for (String snippet : snippets) {
      assertThatCode(() -> {
        LivelogConfig config = ConfigLoader.parse(snippet, Map.of());
        ConfigCheck.validate(config);
      }).as("README snippet:%n%s", snippet).doesNotThrowAnyException();
    }
  }

  /** The YAML blocks, but for Kubernetes files (they name themselves in a first comment). */
  private static List<String> configSnippets(String readme) {
    List<String> snippets = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(readme);
    while (m.find()) {
      if (!m.group(1).startsWith("# ") || !m.group(1).lines().findFirst().orElse("").endsWith(".yaml")) {
        snippets.add(m.group(1));
      }
    }
    return snippets;
  }
}
