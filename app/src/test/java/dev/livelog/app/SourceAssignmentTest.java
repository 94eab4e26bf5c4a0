package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceAssignmentTest {
  private static final List<String> SOURCES = IntStream.range(0, 60).mapToObj(i -> "host-" + i).toList();

  private static Map<String, String> assign(List<String> nodes) {
    Map<String, String> owner = new HashMap<>();
    SOURCES.forEach(s -> owner.put(s, SourceAssignment.preferredNode(s, nodes)));
    return owner;
  }

  @Test
  void everyNodeComputesTheSameSpreadAndALostNodeMovesOnlyItsSources() {
    List<String> three = List.of("node-a", "node-b", "node-c");
    Map<String, String> before = assign(three);
    assertThat(assign(List.of("node-c", "node-a", "node-b"))).isEqualTo(before); // order-free
    Map<String, Long> perNode = new HashMap<>();
    before.values().forEach(n -> perNode.merge(n, 1L, Long::sum));
    assertThat(perNode.values()).allMatch(n -> n >= 10 && n <= 30); // roughly even
    Map<String, String> after = assign(List.of("node-a", "node-c"));
    SOURCES.forEach(s -> {
      if (!before.get(s).equals("node-b")) {
        assertThat(after.get(s)).as(s + " stays where it was").isEqualTo(before.get(s));
      } else {
        assertThat(after.get(s)).isIn("node-a", "node-c");
      }
    });
  }
}
