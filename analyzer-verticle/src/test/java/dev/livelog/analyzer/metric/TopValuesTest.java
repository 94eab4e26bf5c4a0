package dev.livelog.analyzer.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopValuesTest {
  @Test
  void frequentValuesSurviveAFloodOfRareOnesAndMerging() {
    TopValues a = new TopValues(64);
    TopValues b = new TopValues(64);
    Random r = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      TopValues t = i % 2 == 0 ? a : b;
      if (i % 10 == 0 || i % 10 == 2) {
        t.add("/hot", 1);
      } else if (i % 10 == 1) {
        t.add("/warm", 1);
      } else {
        t.add("/rare-" + r.nextInt(100_000), 1);
      }
    }
    a.merge(b);
    var top = a.top(2);
    assertThat(top).extracting(Map.Entry::getKey).containsExactly("/hot", "/warm");
    // Values present from the start are counted exactly; later ones at most over by the floor.
    assertThat(top.get(0).getValue()).isEqualTo(4_000L);
    assertThat(top.get(1).getValue()).isEqualTo(2_000L);
  }

  @Test
  void aWindowMergedFromSecondsKeepsTheirCapacity() {
    TopValues second = new TopValues(200);
    for (int v = 0; v < 150; v++) {
      for (int n = 0; n <= v; n++) {
        second.add("/v" + v, 1);
      }
    }
    // As a window is merged from its seconds: into an empty accumulator made from one of them.
    Accumulator window = second.empty();
    window.merge(second);

    // 150 distinct values fit a sketch of 200: every count stays exact after the merge.
    var top = ((TopValues) window).top(150);
    assertThat(top).hasSize(150);
    assertThat(top.get(0)).isEqualTo(Map.entry("/v149", 150L));
    assertThat(top.get(149)).isEqualTo(Map.entry("/v0", 1L));
  }
}
