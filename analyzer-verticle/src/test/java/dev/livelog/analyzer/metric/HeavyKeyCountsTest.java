package dev.livelog.analyzer.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.analyzer.metric.HeavyKeyCounts.Counted;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeavyKeyCountsTest {
  @Test
  void exactWhileTheKeysFitTwiceTheCapacity() {
    HeavyKeyCounts keys = new HeavyKeyCounts(10, 1000);
    for (int k = 0; k < 20; k++) {
      keys.add("k" + k, k + 1);
    }
    assertThat(keys.exact()).isTrue();
    assertThat(keys.maxError()).isZero();
    assertThat(keys.size()).isEqualTo(20);
    assertThat(keys.top(3)).containsExactly(new Counted("k19", 20, 0), new Counted("k18", 19, 0),
        new Counted("k17", 18, 0));
  }

  @Test
  void keysOfTheSameHashAreCountedApart() {
    HeavyKeyCounts keys = new HeavyKeyCounts(4, 1000);
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    keys.add("Aa", 2);
    keys.add("BB", 1);
    keys.add("Aa", 1);
    assertThat(keys.top(5)).containsExactly(new Counted("Aa", 3, 0), new Counted("BB", 1, 0));
  }

  @Test
  void tiesAreListedByKey() {
    HeavyKeyCounts keys = new HeavyKeyCounts(8, 1000);
    for (String k : List.of("/c", "/a", "/b")) {
      keys.add(k, 5);
    }
    assertThat(keys.top(2)).extracting(Counted::key).containsExactly("/a", "/b");
    assertThat(keys.top(0)).isEmpty();
  }

  @Test
  void boundedKeysWithHonestBoundsAndHeavyKeysKept() {
    HeavyKeyCounts keys = new HeavyKeyCounts(100, 100_000);
    Map<String, Long> truth = new HashMap<>();
    Random r = new Random(3);
    int events = 100_000;
    for (int i = 0; i < events; i++) {
      String key = i % 4 == 0 ? "/hot" : i % 8 == 1 ? "/warm" : "/rare-" + r.nextInt(50_000);
      keys.add(key, 1);
      truth.merge(key, 1L, Long::sum);
    }
    assertThat(keys.size()).isLessThanOrEqualTo(200);
    assertThat(keys.exact()).isFalse();
    assertHonest(keys, truth, events, 100);
    assertThat(keys.top(2)).extracting(Counted::key).containsExactly("/hot", "/warm");
    assertThat(keys.top(1).get(0).count()).isEqualTo(25_000);
  }

  @Test
  void mergedSketchesKeepTheBoundsOfBoth() {
    HeavyKeyCounts a = new HeavyKeyCounts(50, 100_000);
    HeavyKeyCounts b = new HeavyKeyCounts(50, 100_000);
    Map<String, Long> truth = new HashMap<>();
    Random r = new Random(5);
    for (int i = 0; i < 40_000; i++) {
      String key = i % 5 == 0 ? "/hot" : i % 7 == 0 ? "/warm" : "/rare-" + r.nextInt(20_000);
      (i % 2 == 0 ? a : b).add(key, 1);
      truth.merge(key, 1L, Long::sum);
    }
    HeavyKeyCounts total = new HeavyKeyCounts(100, 100_000);
    total.merge(a);
    total.merge(b);
    assertHonest(total, truth, 40_000, 50);
    assertThat(total.top(1).get(0)).isEqualTo(new Counted("/hot", 8_000, 0));
  }

  @Test
  void theCharactersOfKeysAreBoundedToo() {
    HeavyKeyCounts keys = new HeavyKeyCounts(1000, 4_000);
    Map<String, Long> truth = new HashMap<>();
    Random r = new Random(7);
    String pad = "x".repeat(90);
    for (int i = 0; i < 20_000; i++) {
      String key = i % 3 == 0 ? "/hot" : "/" + pad + r.nextInt(5_000);
      keys.add(key, 1);
      truth.merge(key, 1L, Long::sum);
    }
    // 100-character keys in a 4,000-character budget: at most 40 held, not 2,000.
    assertThat(keys.size()).isLessThanOrEqualTo(40);
    assertHonest(keys, truth, 20_000, 20);
    assertThat(keys.top(1).get(0).key()).isEqualTo("/hot");
  }

  @Test
  void aKeyTooLongToHoldIsCountedAsMissed() {
    HeavyKeyCounts keys = new HeavyKeyCounts(10, 100);
    keys.add("/short", 3);
    keys.add("/" + "y".repeat(60), 4);
    keys.add("/" + "y".repeat(60), 1);
    assertThat(keys.top(5)).containsExactly(new Counted("/short", 3, 0));
    assertThat(keys.exact()).isFalse();
    assertThat(keys.maxError()).isEqualTo(5);
  }

  /**
   * Every held count is a lower bound within its error and the sketch's; every key with more
   * than events / capacity occurrences is held.
   */
  private static void assertHonest(HeavyKeyCounts keys, Map<String, Long> truth, long events, int capacity) {
    List<Counted> held = keys.top(keys.size());
    assertThat(held).hasSize(keys.size());
    for (Counted c : held) {
      long t = truth.get(c.key());
      assertThat(c.count()).isLessThanOrEqualTo(t);
      assertThat(c.count() + c.error()).isGreaterThanOrEqualTo(t);
      assertThat(c.error()).isLessThanOrEqualTo(keys.maxError());
    }
    truth.forEach((key, t) -> {
      if (t > events / capacity) {
        assertThat(held).extracting(Counted::key).contains(key);
      }
    });
  }
}
