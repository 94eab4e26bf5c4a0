package dev.livelog.common.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TailSamplerTest {
  @Test
  void underTheCapacityEverythingIsKeptInOrderAndNothingIsSampled() {
    TailSampler<Integer> sampler = new TailSampler<>(10, new SplittableRandom(1));
    IntStream.range(0, 7).forEach(i -> sampler.offer(i, 1));
    TailSampler.Sample<Integer> sample = sampler.drain();
    assertThat(sample.items()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(sample.offered()).isEqualTo(7);
    assertThat(sample.oneIn()).isEqualTo(1);
    assertThat(sampler.isEmpty()).as("a drain starts afresh").isTrue();
    assertThat(sampler.drain().items()).isEmpty();
  }

  @Test
  void aboveTheCapacityItKeepsTheCapacityInOfferingOrderAndSaysOneInHowMany() {
    TailSampler<Integer> sampler = new TailSampler<>(20, new SplittableRandom(2));
    IntStream.range(0, 1000).forEach(i -> sampler.offer(i, 1));
    TailSampler.Sample<Integer> sample = sampler.drain();
    assertThat(sample.items()).hasSize(20).isSorted().doesNotHaveDuplicates();
    assertThat(sample.offered()).isEqualTo(1000);
    assertThat(sample.oneIn()).isEqualTo(50);
  }

  @Test
  void onlyWhatIsKeptIsConvertedAndOnlyTheConvertedFormIsHeld() {
    TailSampler<String> sampler = new TailSampler<>(10, new SplittableRandom(6));
    List<Integer> converted = new java.util.ArrayList<>();
    IntStream.range(0, 10_000).forEach(i -> sampler.offer(i, n -> {
      converted.add(n);
      return "#" + n;
    }, 1));
    TailSampler.Sample<String> sample = sampler.drain();
    assertThat(sample.items()).hasSize(10).allMatch(item -> item.startsWith("#"));
    assertThat(sample.offered()).isEqualTo(10_000);
    // A reservoir of k over n replaces about k ln(n/k) times: ~80 here, not 10,000.
    assertThat(converted).hasSizeLessThan(500).isSorted()
        .containsAll(sample.items().stream().map(item -> Integer.parseInt(item.substring(1))).toList());
  }

  @Test
  void equalWeightsSampleUniformly() {
    // Over many rounds, each of 100 items offered with capacity 10 is kept about 10% of the time.
    int[] kept = new int[100];
    TailSampler<Integer> sampler = new TailSampler<>(10, new SplittableRandom(3));
    for (int round = 0; round < 5000; round++) {
      IntStream.range(0, 100).forEach(i -> sampler.offer(i, 1));
      sampler.drain().items().forEach(i -> kept[i]++);
    }
    assertThat(IntStream.of(kept).min().orElseThrow()).isGreaterThan(400);
    assertThat(IntStream.of(kept).max().orElseThrow()).isLessThan(600);
    assertThat(IntStream.of(kept).sum()).isEqualTo(50_000);
  }

  @Test
  void aLineWeighingMoreIsKeptMoreOftenAsAWebNodeMergesTwoNodesSamples() {
    // Node A sampled 10 of its 1000 lines (each stands for 100), node B sent all its 10:
    // merged into 10, about 99% of them must be A's.
    TailSampler<String> merged = new TailSampler<>(10, new SplittableRandom(4));
    int fromA = 0;
    for (int round = 0; round < 1000; round++) {
      IntStream.range(0, 10).forEach(i -> merged.offer("A", 100));
      IntStream.range(0, 10).forEach(i -> merged.offer("B", 1));
      TailSampler.Sample<String> sample = merged.drain();
      assertThat(sample.weight()).isEqualTo(1010);
      fromA += (int) sample.items().stream().filter("A"::equals).count();
    }
    assertThat(fromA / 10_000.0).isGreaterThan(0.97);
  }

  @Test
  void nothingWithoutWeightAndNoEmptyReservoir() {
    TailSampler<Integer> sampler = new TailSampler<>(1, new SplittableRandom(5));
    sampler.offer(1, 0);
    sampler.offer(2, Double.NaN);
    assertThat(sampler.isEmpty()).isTrue();
    assertThatThrownBy(() -> new TailSampler<>(0, new SplittableRandom(5))).hasMessageContaining("at least 1");
  }

  @Test
  void subscriptionsAreReadBackBounded() {
    TailSubscription s = new TailSubscription("0123456789abcdef0123456789abcdef", "status >= 500", 20, 30_000);
    assertThat(TailSubscription.fromJson(s.toJson())).isEqualTo(s);
    for (JsonObject bad : List.of(s.toJson().put("id", "../x"), s.toJson().put("rate", 1_000_000),
        s.toJson().put("expires_ms", 86_400_000L), s.toJson().put("rate", "many"))) {
      assertThatThrownBy(() -> TailSubscription.fromJson(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
