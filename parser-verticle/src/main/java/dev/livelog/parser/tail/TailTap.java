package dev.livelog.parser.tail;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.tail.TailSampler;
import dev.livelog.common.tail.TailSubscription;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.WhereText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * The live tails' side on a parsing node: the pages' subscriptions it holds (each a compiled
 * filter and a sampler of at most its rate), the events it is handed, and once a second what
 * to send each tail's web node.
 *
 * <p>It never slows the pipeline: {@link #offer} hands a batch to the tail's own worker and
 * returns at once; when the worker is behind (its queue of a few batches is full) the batch is
 * left out of the tails and counted, never waited for. The filters run on the worker, their
 * regexes in linear time ({@link EventFilter#compileLinear}). Memory is bounded: at most
 * {@link #MAX_SUBSCRIPTIONS} subscriptions, each holding at most its rate of lines as they will
 * be sent (cut to {@link #MAX_TEXT}, never the event and its whole line) until the next flush;
 * a subscription not renewed before it expires is dropped.
 */
public final class TailTap {
  /** Subscriptions held at once; more are refused (each web node holds fewer). */
  public static final int MAX_SUBSCRIPTIONS = 256;
  /** Text values longer than this are cut for the page: a tail shows lines, not payloads. */
  static final int MAX_TEXT = 2048;

  private final Map<String, Tap> taps = new ConcurrentHashMap<>();
  private final Executor worker;
  private final RandomGenerator random;
  private final LongAdder skipped = new LongAdder();

  /**
   * {@code worker}: where the filters run; it must refuse work it cannot queue
   * ({@link RejectedExecutionException}) rather than queue without bound.
   */
  public TailTap(Executor worker, RandomGenerator random) {
    this.worker = worker;
    this.random = random;
  }

  private static final class Tap {
    final TailSubscription subscription;
    final EventFilter filter;
    /** The page's form of each kept event, made when it is kept. */
    final TailSampler<JsonObject> sampler;
    volatile long expiresAt;

    Tap(TailSubscription subscription, EventFilter filter, TailSampler<JsonObject> sampler, long expiresAt) {
      this.subscription = subscription;
      this.filter = filter;
      this.sampler = sampler;
      this.expiresAt = expiresAt;
    }
  }

  /** A tail's lines of the last flush, for its web node's address. */
  public record Outgoing(String address, JsonObject message) {}

  /**
   * Holds a page's subscription, or renews it (the same id: only its expiry changes).
   *
   * @throws IllegalArgumentException when its filter does not compile, or too many are held
   */
  public void subscribe(TailSubscription subscription, long now) {
    long expiresAt = now + subscription.expiresInMs();
    Tap held = taps.get(subscription.id());
    if (held != null) {
      held.expiresAt = expiresAt;
      return;
    }
    if (taps.size() >= MAX_SUBSCRIPTIONS) {
      throw new IllegalArgumentException("this node already holds " + MAX_SUBSCRIPTIONS + " live tails");
    }
    EventFilter filter = EventFilter.compileLinear(WhereText.parse(subscription.where()));
    taps.put(subscription.id(), new Tap(subscription, filter,
        new TailSampler<>(subscription.rate(), random), expiresAt));
  }

  public void cancel(String id) {
    taps.remove(id);
  }

  /** Whether any page tails: without one, nothing is tapped nor sent. */
  public boolean active() {
    return !taps.isEmpty();
  }

  /** Events of batches left out because the worker was behind, since start. */
  public long skippedEvents() {
    return skipped.sum();
  }

  /** Hands a batch to the worker, or leaves it out of the tails: never blocks. */
  public void offer(EventBatch batch) {
    if (taps.isEmpty() || batch.events().isEmpty()) {
      return;
    }
    try {
      worker.execute(() -> sample(batch));
    } catch (RejectedExecutionException behind) {
      skipped.add(batch.events().size());
    }
  }

  /** On the worker: each event through each tail's filter into its sampler. */
  void sample(EventBatch batch) {
    for (Tap tap : taps.values()) {
      for (LogEvent event : batch.events()) {
        if (tap.filter.test(event)) {
          tap.sampler.offer(event, TailTap::line, 1);
        }
      }
    }
  }

  /**
   * Drops the expired subscriptions and gives, for each tail whose filter passed events since
   * the last flush, its sample: {@code {lines: [...], matched: n}}.
   */
  public List<Outgoing> flush(long now) {
    taps.values().removeIf(tap -> tap.expiresAt <= now);
    List<Outgoing> out = new ArrayList<>();
    for (Tap tap : taps.values()) {
      if (tap.sampler.isEmpty()) {
        continue;
      }
      TailSampler.Sample<JsonObject> sample = tap.sampler.drain();
      out.add(new Outgoing(Addresses.tailLines(tap.subscription.id()), new JsonObject()
          .put("lines", new JsonArray(new ArrayList<>(sample.items())))
          .put("matched", sample.offered())));
    }
    return out;
  }

  /** An event as a page shows it: time, where it came from, its line and its present fields. */
  static JsonObject line(LogEvent event) {
    JsonObject fields = new JsonObject();
    event.fields().forEach((name, value) -> fields.put(name, shown(value)));
    JsonObject line = new JsonObject().put("time", event.time()).put("source", event.source())
        .put("offset", event.offset()).put("fields", fields);
    return event.line() == null ? line : line.put("line", shown(event.line()));
  }

  private static Object shown(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    String text = FieldValues.toText(value);
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
