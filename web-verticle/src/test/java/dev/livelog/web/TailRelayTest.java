package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.tail.TailSubscription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TailRelayTest {
  private static JsonObject sample(String node, int lines, long matched) {
    JsonArray array = new JsonArray();
    IntStream.range(0, lines).forEach(i -> array.add(new JsonObject().put("time", (long) i).put("source", node)));
    return new JsonObject().put("lines", array).put("matched", matched);
  }

  @Test
  void severalNodesSamplesAreMergedIntoAtMostThePagesRate() {
    TailRelay relay = new TailRelay(new SplittableRandom(1));
    TailSubscription tail = relay.open("status >= 500", 10, 0);
    relay.absorb(tail.id(), sample("a", 10, 1000));
    relay.absorb(tail.id(), sample("b", 10, 10));
    JsonObject page = relay.flush().get(0).message();
    assertThat(page.getJsonArray("lines")).hasSize(10);
    assertThat(page.getLong("matched")).isEqualTo(1010);
    assertThat(page.getInteger("shown")).isEqualTo(10);
    assertThat(page.getDouble("one_in")).isEqualTo(101.0);
    List<Long> times = page.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getLong("time")).toList();
    assertThat(times).as("oldest first").isSorted();
  }

  @Test
  void aQuietSecondStillTellsThePageItsTailIsAlive() {
    TailRelay relay = new TailRelay(new SplittableRandom(2));
    relay.open("", 10, 0);
    JsonObject page = relay.flush().get(0).message();
    assertThat(page.getJsonArray("lines")).isEmpty();
    assertThat(page.getLong("matched")).isZero();
    assertThat(page.getDouble("one_in")).isEqualTo(1.0);
  }

  @Test
  void aTailExpiresUnlessRenewedAndClosesAtOnce() {
    TailRelay relay = new TailRelay(new SplittableRandom(3));
    TailSubscription kept = relay.open("", 5, 0);
    TailSubscription left = relay.open("", 5, 0);
    TailSubscription closed = relay.open("", 5, 0);
    assertThat(kept.id()).matches("[0-9a-f]{32}").isNotEqualTo(left.id());
    assertThat(relay.close(closed.id())).isTrue();
    assertThat(relay.close(closed.id())).isFalse();
    assertThat(relay.renew(kept.id(), 20_000)).isEqualTo(kept);
    assertThat(relay.expire(TailRelay.EXPIRES_MS - 1)).isEmpty();
    assertThat(relay.expire(TailRelay.EXPIRES_MS)).containsExactly(left.id());
    assertThat(relay.renew(left.id(), TailRelay.EXPIRES_MS)).isNull();
    assertThat(relay.expire(20_000 + TailRelay.EXPIRES_MS)).containsExactly(kept.id());
    assertThat(relay.size()).isZero();
  }

  @Test
  void theNumberOfTailsIsBounded() {
    TailRelay relay = new TailRelay(new SplittableRandom(4));
    IntStream.range(0, TailRelay.MAX_TAILS).forEach(i -> assertThat(relay.open("", 1, 0)).isNotNull());
    assertThat(relay.open("", 1, 0)).isNull();
  }

  @Test
  void whatComesForAnUnknownTailOrMalformedIsIgnored() {
    TailRelay relay = new TailRelay(new SplittableRandom(5));
    TailSubscription tail = relay.open("", 5, 0);
    relay.absorb("ffffffffffffffffffffffffffffffff", sample("a", 3, 3));
    relay.absorb(tail.id(), sample("a", 3, 1)); // fewer matched than lines: not a sample
    relay.absorb(tail.id(), new JsonObject());
    assertThat(relay.flush().get(0).message().getJsonArray("lines")).isEmpty();
  }
}
