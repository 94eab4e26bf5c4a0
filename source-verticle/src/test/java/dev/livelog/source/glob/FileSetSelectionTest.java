package dev.livelog.source.glob;

import static org.assertj.core.api.Assertions.assertThat;

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
}
