package dev.livelog.analyzer.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeavyKeysTest {
  @Test
  void exactWhileTheKeysFitTwiceTheCapacity() {
    HeavyKeys<Void> keys = HeavyKeys.counting(10);
    for (int k = 0; k < 20; k++) {
      keys.add("k" + k, k + 1);
    }
    assertThat(keys.exact()).isTrue();
    assertThat(keys.maxError()).isZero();
    assertThat(keys.top(1).get(0).count()).isEqualTo(20);
    assertThat(keys.size()).isEqualTo(20);
  }

  @Test
  void boundedMemoryWithHonestBoundsAndEvictedValuesHandedOver() {
    List<String> evicted = new ArrayList<>();
    HeavyKeys<StringBuilder> keys = new HeavyKeys<>(100, h -> evicted.add(h.key()));
    Map<String, Long> truth = new HashMap<>();
    Random r = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      String key = i % 4 == 0 ? "/hot" : i % 8 == 1 ? "/warm" : "/rare-" + r.nextInt(50_000);
      keys.add(key, 1);
      truth.merge(key, 1L, Long::sum);
    }
    assertThat(keys.size()).isLessThanOrEqualTo(200);
    assertThat(keys.exact()).isFalse();
    assertThat(evicted).isNotEmpty().doesNotContain("/hot", "/warm");
    for (HeavyKeys.Held<StringBuilder> h : keys.held()) {
      long t = truth.get(h.key());
      assertThat(h.count()).isLessThanOrEqualTo(t);
      assertThat(h.count() + h.error()).isGreaterThanOrEqualTo(t);
      assertThat(h.error()).isLessThanOrEqualTo(keys.maxError());
    }
    assertThat(keys.top(2)).extracting(HeavyKeys.Held::key).containsExactly("/hot", "/warm");
    assertThat(keys.top(1).get(0).count()).isEqualTo(25_000);
  }

  @Test
  void mergedSketchesKeepTheBoundsOfBoth() {
    HeavyKeys<Void> a = HeavyKeys.counting(50);
    HeavyKeys<Void> b = HeavyKeys.counting(50);
    Map<String, Long> truth = new HashMap<>();
    Random r = new Random(5);
    for (int i = 0; i < 40_000; i++) {
      String key = i % 5 == 0 ? "/hot" : "/rare-" + r.nextInt(20_000);
      (i % 2 == 0 ? a : b).add(key, 1);
      truth.merge(key, 1L, Long::sum);
    }
    a.merge(b, (x, y) -> null);
    for (HeavyKeys.Held<Void> h : a.held()) {
      long t = truth.get(h.key());
      assertThat(h.count()).isLessThanOrEqualTo(t);
      assertThat(h.count() + h.error()).isGreaterThanOrEqualTo(t);
    }
    assertThat(a.top(1).get(0).key()).isEqualTo("/hot");
    assertThat(a.top(1).get(0).count()).isEqualTo(8_000);
  }
}
