package dev.livelog.analyzer;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.cluster.Leases;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.DatapointRetention;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds events from {@code livelog.events} into the {@link AnalyticsEngine} and ticks every
 * period. Any number of analyzers may run: each group and period has one lease cluster-wide,
 * and only its holder publishes (on {@code livelog.analytics.<period>}) and stores that
 * group's datapoints; the others compute the same windows as hot standbys. Every analyzer
 * keeps the history of what is published (answering {@code livelog.history}), restored from
 * the store on start; whoever takes a lease first recomputes from stored events the ticks
 * missed since the last datapoint (the previous holder died, or livelog was down). A tick is
 * computed {@link TickSettle settle} after its time, once the lines of its window have arrived.
 */
public final class AnalyzerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzerVerticle.class);
  private static final int WARM_PAGE = 20_000;
  /** Past this, the first windows after a start are partial rather than the start slow. */
  private static final long MAX_WARM_EVENTS = 2_000_000;
  /** How often datapoints past their period's retention are deleted (as events are). */
  private static final long EXPIRE_EVERY_MS = 60_000;

  private final LivelogConfig config;
  private final EventStore store;
  private final QueryLimits queryLimits;
  private final DatapointRetention datapointRetention;
  /** How long after its time a tick is computed ({@link TickSettle}). */
  private final long settleMillis;
  private final ReplayFilter replays = new ReplayFilter();
  private final Map<String, DatapointHistory> histories = new HashMap<>();
  /** Per period and group, the keys folded into 'other' series in the last datapoint published. */
  private final Map<String, Map<String, Long>> foldedKeys = new ConcurrentHashMap<>();
  private final List<Long> timers = new ArrayList<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<PublishedSeries> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private AnalyticsEngine engine;
  private StoredSeries stored;
  private Leases leases;
  private boolean stopped;

  public AnalyzerVerticle(LivelogConfig config, EventStore store) {
    this(config, store, QueryLimits.of(config.storage().retention()));
  }

  /** With the limits that {@code livelog.query} and {@code livelog.query.events} requests are held to. */
  public AnalyzerVerticle(LivelogConfig config, EventStore store, QueryLimits queryLimits) {
    this.config = config;
    this.store = store;
    this.queryLimits = queryLimits;
    this.datapointRetention = new DatapointRetention(config.storage().retention());
    this.settleMillis = TickSettle.of(config).toMillis();
  }

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    List<GroupPlan> plans = AnalyzerPlans.compile(config); // no per-event state: shared
    engine = new AnalyticsEngine(plans, config.periods(), Duration.ofMillis(settleMillis));
    engine.startedAt(System.currentTimeMillis());
    stored = new StoredSeries(plans, store);
    leases = new Leases(vertx);
    List<Future<?>> restored = new ArrayList<>();
    for (PeriodConfig period : config.periods()) {
      DatapointHistory history = new DatapointHistory(period.history());
      histories.put(period.name(), history);
      restored.add(restore(period, history));
      consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.analytics(period.name()),
          m -> history.add(Datapoint.fromJson(m.body()))));
      for (GroupPlan group : engine.groups()) {
        leases.want(leaseKey(group.name(), period), gained -> {
          if (gained) {
            backfill(period, group.name());
          } else {
            listeners.forEach(l -> l.released(period.name(), group.name()));
          }
        });
      }
    }
    consumers.add(vertx.eventBus().<EventBatch>consumer(Addresses.EVENTS, m -> onEvents(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.HISTORY, this::onHistory));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.QUERY,
        new QueryRequests(vertx, stored, queryLimits)::answer));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.EVENTS_QUERY,
        new EventsRequests(vertx, stored, store, queryLimits,
            new ShownSeries(config.periods(), histories, store, stored))::answer));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.BASELINE,
        new BaselineRequests(vertx, store, config.periods(), config.groups().keySet(), queryLimits,
            datapointRetention)::answer));
    timers.add(vertx.setPeriodic(EXPIRE_EVERY_MS, id -> expireDatapoints()));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .compose(v -> Future.all(restored))
        .compose(v -> warmUp())
        .compose(v -> leases.start())
        .onSuccess(v -> config.periods().forEach(this::scheduleTick));
  }

  /** Hears the datapoints this analyzer publishes from now on (set before it is deployed). */
  public void onPublished(PublishedSeries listener) {
    listeners.add(listener);
  }

  private static String leaseKey(String group, PeriodConfig period) {
    return "analyzer:" + group + ":" + period.name();
  }

  private Future<?> restore(PeriodConfig period, DatapointHistory history) {
    long now = System.currentTimeMillis();
    long from = now - period.interval().toMillis() * period.history();
    return store.datapoints(period.name(), from, now + 1)
        .onSuccess(points -> {
          history.addAll(points);
          LOG.info("period {}: restored {} datapoints", period.name(), points.size());
        })
        .recover(e -> {
          LOG.warn("period {}: history not restored: {}", period.name(), e.getMessage());
          return Future.succeededFuture();
        });
  }

  /**
   * Recomputes a group's ticks missed since its last datapoint from stored events, at most a
   * history's worth, and publishes and stores them, so charts have no hole.
   */
  private void backfill(PeriodConfig period, String group) {
    DatapointHistory history = histories.get(period.name());
    long interval = period.interval().toMillis();
    long lastTick = lastDueTick(period, System.currentTimeMillis()); // later ones tick live
    long oldest = lastTick - interval * (period.history() - 1);
    long last = history.lastTime(group);
    long firstTick = Math.max(oldest, last < 0 ? oldest : last + interval);
    if (firstTick > lastTick) {
      return;
    }
    stored.anyEvents(firstTick - period.window().toMillis(), lastTick)
        .compose(any -> any ? stored.backfill(period, List.of(stored.plan(group)), firstTick, lastTick)
            : Future.succeededFuture(List.<List<Datapoint>>of()))
        .onSuccess(ticks -> {
          List<Datapoint> mine = new ArrayList<>();
          ticks.forEach(mine::addAll);
          if (!mine.isEmpty()) {
            LOG.info("period {}, group {}: backfilled {} ticks from stored events",
                period.name(), group, mine.size());
            publishAndStore(period, mine);
          }
        })
        .onFailure(e -> LOG.warn("period {}, group {}: backfill failed: {}", period.name(), group,
            e.getMessage()));
  }

  /**
   * Counts the stored events of the longest window, so that this analyzer's windows are whole
   * from the start: after a restart, or when it takes over from an analyzer that died. Live
   * counting has already begun; the replay filter keeps an event from being counted twice.
   */
  private Future<Void> warmUp() {
    long now = System.currentTimeMillis();
    long longest = engine.longestSpanSeconds() * 1000; // the longest window, or lookback
    long started = System.nanoTime();
    return warmPage(now - longest - 5_000, now + AnalyticsEngine.MAX_FUTURE_SECONDS * 1000, 0)
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("counted {} stored events of the last {} s in {} ms", n, longest / 1000,
                (System.nanoTime() - started) / 1_000_000);
          }
        })
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("windows not warmed from the store: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }

  private Future<Long> warmPage(long from, long to, long counted) {
    return store.eventBatches(from, to, WARM_PAGE).compose(batches -> {
      long n = 0;
      long last = from;
      long now = System.currentTimeMillis();
      for (EventBatch batch : batches) {
        for (LogEvent e : replays.freshEach(batch)) {
          engine.warm(e, now);
        }
        n += batch.events().size();
        for (LogEvent e : batch.events()) {
          last = Math.max(last, e.time());
        }
      }
      if (n < WARM_PAGE || counted + n >= MAX_WARM_EVENTS) {
        return Future.succeededFuture(counted + n);
      }
      // The next page starts at the last time seen (the filter drops its repeats); a page of
      // one millisecond only moves on by one.
      return warmPage(last > from ? last : from + 1, to, counted + n);
    });
  }

  private void onEvents(EventBatch batch) {
    long now = System.currentTimeMillis();
    for (LogEvent e : replays.fresh(batch)) {
      engine.accept(e, now);
    }
  }

  /** Waits for the next tick's time and the settle after it, computes the tick, and goes on. */
  private void scheduleTick(PeriodConfig period) {
    if (stopped) {
      return;
    }
    long now = System.currentTimeMillis();
    long next = lastDueTick(period, now) + period.interval().toMillis();
    timers.add(vertx.setTimer(next + settleMillis - now, id -> {
      timers.remove(id);
      tick(period, next);
      scheduleTick(period);
    }));
  }

  /** The newest tick of a period whose time to be computed ({@code settle} after it) has come. */
  private long lastDueTick(PeriodConfig period, long now) {
    long interval = period.interval().toMillis();
    return Math.floorDiv(now - settleMillis, interval) * interval;
  }

  private void tick(PeriodConfig period, long time) {
    List<Datapoint> mine = new ArrayList<>();
    for (Datapoint p : engine.tick(period, time)) {
      if (leases.holds(leaseKey(p.group(), period))) {
        mine.add(p);
      }
    }
    publishAndStore(period, mine);
  }

  /** Deletes the datapoints older than their period keeps them ({@link DatapointRetention}). */
  private void expireDatapoints() {
    datapointRetention.expire(store, config.periods(), System.currentTimeMillis())
        .onFailure(e -> LOG.warn("old datapoints not deleted: {}", e.getMessage()));
  }

  private void publishAndStore(PeriodConfig period, List<Datapoint> points) {
    if (points.isEmpty()) {
      return;
    }
    String address = Addresses.analytics(period.name());
    for (Datapoint p : points) {
      vertx.eventBus().publish(address, p.toJson());
      foldedKeys.computeIfAbsent(period.name(), k -> new ConcurrentHashMap<>())
          .put(p.group(), p.foldedKeys());
      listeners.forEach(l -> l.published(p));
    }
    store.saveDatapoints(points)
        .onFailure(e -> LOG.warn("period {}: datapoints not stored: {}", period.name(), e.getMessage()));
  }

  private void onHistory(Message<JsonObject> request) {
    String period = request.body() == null ? null : request.body().getString("period");
    DatapointHistory history = period == null ? null : histories.get(period);
    if (history == null) {
      request.fail(404, "unknown period '" + period + "'; periods: "
          + String.join(", ", histories.keySet()));
      return;
    }
    JsonArray points = new JsonArray();
    history.all().forEach(p -> points.add(p.toJson()));
    request.reply(new JsonObject().put("period", period).put("datapoints", points));
  }

  /**
   * Events analyzed, late (older than every window; and per period, missed by every datapoint
   * of it), after their tick per period (missed by the first datapoint whose window holds them)
   * and too far in the future since start; with per-try lists of different lengths;
   * leases held; per period and group, the keys
   * folded into 'other' series in the last datapoint this node published.
   */
  public JsonObject status() {
    JsonObject lateByPeriod = new JsonObject();
    JsonObject afterTickByPeriod = new JsonObject();
    config.periods().forEach(p -> {
      lateByPeriod.put(p.name(), engine == null ? 0 : engine.lateFor(p.name()));
      afterTickByPeriod.put(p.name(), engine == null ? 0 : engine.afterTickFor(p.name()));
    });
    JsonObject folded = new JsonObject();
    foldedKeys.forEach((period, groups) -> folded.put(period, new JsonObject(new HashMap<>(groups))));
    return new JsonObject()
        .put("foldedKeys", folded)
        .put("accepted", engine == null ? 0 : engine.accepted())
        .put("late", engine == null ? 0 : engine.late())
        .put("lateByPeriod", lateByPeriod)
        .put("afterTickByPeriod", afterTickByPeriod)
        .put("future", engine == null ? 0 : engine.future())
        .put("mismatchedTries", engine == null ? 0 : engine.mismatchedTries())
        .put("leases", leases == null ? new JsonArray() : new JsonArray(List.copyOf(leases.held())));
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    timers.forEach(vertx::cancelTimer);
    return leases.release()
        .compose(v -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()));
  }
}
