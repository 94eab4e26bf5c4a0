package dev.livelog.web;

import dev.livelog.common.tail.TailSampler;
import dev.livelog.common.tail.TailSubscription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The live tails this web node opened for its pages: each one's subscription, when it expires
 * unless renewed, and a sampler merging what the parsing nodes sent since the last second, so a
 * page gets at most its rate whatever the number of nodes (each node's lines weigh as many
 * lines as its own sample stood for). Not thread-safe: the web verticle's event loop owns it.
 */
final class TailRelay {
  /** Tails open on this node at once; a page asking for more gets a 429. */
  static final int MAX_TAILS = 32;
  /** A tail not renewed for this long is closed: its page went away. */
  static final long EXPIRES_MS = 30_000;
  /** How often a page renews its tail: three tries before it expires. */
  static final long RENEW_MS = 10_000;

  private final Map<String, Tail> tails = new LinkedHashMap<>();
  private final RandomGenerator random;
  private final SecureRandom ids = new SecureRandom();

  TailRelay(RandomGenerator random) {
    this.random = random;
  }

  private static final class Tail {
    final TailSubscription subscription;
    final TailSampler<JsonObject> sampler;
    long expiresAt;

    Tail(TailSubscription subscription, TailSampler<JsonObject> sampler, long expiresAt) {
      this.subscription = subscription;
      this.sampler = sampler;
      this.expiresAt = expiresAt;
    }
  }

  /** A page's message: its tail's id and what the page shows. */
  record ToPage(String id, JsonObject message) {}

  /**
   * A new tail of lines passing {@code where} (where-language text, already checked), at most
   * {@code rate} a second.
   *
   * @return null when {@link #MAX_TAILS} are open
   */
  TailSubscription open(String where, int rate, long now) {
    if (tails.size() >= MAX_TAILS) {
      return null;
    }
    byte[] id = new byte[16];
    ids.nextBytes(id);
    TailSubscription subscription = new TailSubscription(HexFormat.of().formatHex(id), where, rate, EXPIRES_MS);
    tails.put(subscription.id(), new Tail(subscription, new TailSampler<>(rate, random), now + EXPIRES_MS));
    return subscription;
  }

  /** The tail renewed for {@link #EXPIRES_MS}, or null when it is not open (expired, closed). */
  TailSubscription renew(String id, long now) {
    Tail tail = tails.get(id);
    if (tail == null) {
      return null;
    }
    tail.expiresAt = now + EXPIRES_MS;
    return tail.subscription;
  }

  boolean close(String id) {
    return tails.remove(id) != null;
  }

  int size() {
    return tails.size();
  }

  /** A parsing node's sample for tail {@code id}: {@code {lines, matched}}. */
  void absorb(String id, JsonObject sample) {
    Tail tail = tails.get(id);
    JsonArray lines = sample.getJsonArray("lines", new JsonArray());
    long matched = sample.getLong("matched", 0L);
    if (tail == null || lines.isEmpty() || matched < lines.size()) {
      return;
    }
    double weight = (double) matched / lines.size();
    for (Object line : lines) {
      if (line instanceof JsonObject json) {
        tail.sampler.offer(json, weight);
      }
    }
  }

  /** The ids of the tails that expired unrenewed by {@code now}, removed. */
  List<String> expire(long now) {
    List<String> expired = new ArrayList<>();
    tails.values().removeIf(tail -> {
      boolean gone = tail.expiresAt <= now;
      if (gone) {
        expired.add(tail.subscription.id());
      }
      return gone;
    });
    return expired;
  }

  /**
   * For every open tail its second, {@code {lines, matched, shown, one_in}}, lines oldest
   * first, also when none came (the page then knows its tail is alive and quiet).
   */
  List<ToPage> flush() {
    List<ToPage> out = new ArrayList<>();
    for (Tail tail : tails.values()) {
      TailSampler.Sample<JsonObject> sample = tail.sampler.drain();
      List<JsonObject> lines = new ArrayList<>(sample.items());
      lines.sort(Comparator.comparingLong(line -> line.getLong("time", 0L)));
      long matched = Math.round(sample.weight());
      out.add(new ToPage(tail.subscription.id(), new JsonObject()
          .put("lines", new JsonArray(lines))
          .put("matched", matched)
          .put("shown", lines.size())
          .put("one_in", sample.oneIn())));
    }
    return out;
  }
}
