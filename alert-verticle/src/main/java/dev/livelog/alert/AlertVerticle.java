package dev.livelog.alert;

import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.analyzer.StoredSeries;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.cluster.Leases;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.store.EventStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the alert rules on the datapoints the analyzers publish and tells receivers. Every
 * node with the analyzer role judges every rule (a hot standby), but each rule has one lease
 * cluster-wide, as each plot group has, and only its holder logs its transitions, publishes
 * its alerts on {@code livelog.alerts} and notifies ({@link Notifier}). What receivers were told
 * is kept in the store: a node that takes a rule over, or starts again, reads it and tells
 * nothing twice.
 */
public final class AlertVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AlertVerticle.class);
  static final long CLOCK_MILLIS = 1_000;
  static final long REPUBLISH_MILLIS = 2_000;

  private final LivelogConfig config;
  private final EventStore store;
  private final Map<String, String> environment;
  private final Map<String, AlertRule> rules = new LinkedHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  /** Rules whose lease this node holds and whose records it has read. */
  private final Set<String> taken = new java.util.HashSet<>();
  private Notifier notifier;
  private AlertEvaluator evaluator;
  private Leases leases;
  private long clock = -1;
  private long ticks;
  private long startedAt;

  public AlertVerticle(LivelogConfig config, EventStore store, Map<String, String> environment) {
    this.config = config;
    this.store = store;
    this.environment = environment;
  }

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    startedAt = System.currentTimeMillis();
    AlertRules.compile(config).forEach(rule -> rules.put(rule.name, rule));
    notifier = new Notifier(vertx, config, environment, store);
    StoredSeries stored = new StoredSeries(AnalyzerPlans.compile(config), store);
    evaluator = new AlertEvaluator(List.copyOf(rules.values()),
        new StoredBaselines(stored, System::currentTimeMillis), startedAt);
    leases = new Leases(vertx);
    rules.values().forEach(rule -> leases.want(leaseKey(rule), gained -> {
      if (gained) {
        takeOver(rule);
      } else {
        giveUp(rule);
      }
    }));
    Map<String, Long> periods = new LinkedHashMap<>();
    rules.values().stream().filter(r -> r.period != null)
        .forEach(r -> periods.merge(r.period.name(), lookback(r), Math::max));
    return restore(periods)
        .compose(v -> listen(periods.keySet()))
        .compose(v -> notifier.forgetRemovedRules(rules.keySet()))
        .compose(v -> leases.start())
        .onSuccess(v -> clock = vertx.setPeriodic(CLOCK_MILLIS, id -> onClock()));
  }

  /**
   * How far back a rule looks at a period's datapoints: its hold and keep, and the windows a
   * change compares (or the period's window).
   */
  private static long lookback(AlertRule rule) {
    long windows = rule.change == null ? rule.period.window().toMillis()
        : rule.change.windowMillis() * (rule.change.fromStore() ? 1 : 2);
    return rule.holdMillis + rule.keepMillis + windows + rule.period.interval().toMillis();
  }

  /**
   * Judges the stored datapoints of the last while (as a standby: no lease is held yet), so
   * that after a start the change windows are full and a pending alert goes on pending.
   */
  private Future<Void> restore(Map<String, Long> lookbacks) {
    long now = System.currentTimeMillis();
    List<Future<?>> all = new ArrayList<>();
    lookbacks.forEach((period, back) -> all.add(store.datapoints(period, now - back, now + 1)
        .onSuccess(points -> points.forEach(p -> evaluator.onDatapoint(p, now)))
        .recover(e -> {
          LOG.warn("period {}: recent datapoints not read for the alert rules: {}", period, e.getMessage());
          return Future.succeededFuture();
        })));
    return Future.all(all).mapEmpty();
  }

  private Future<Void> listen(Set<String> periods) {
    periods.forEach(period -> consumers.add(vertx.eventBus().<JsonObject>consumer(
        Addresses.analytics(period), m -> onDatapoint(Datapoint.fromJson(m.body())))));
    if (rules.values().stream().anyMatch(r -> AlertRule.EVENTS.equals(r.absent))) {
      consumers.add(vertx.eventBus().<EventBatch>consumer(Addresses.EVENTS,
          m -> evaluator.onEvents(m.body().origin().sourceId(), System.currentTimeMillis())));
    }
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private static String leaseKey(AlertRule rule) {
    return "alert:" + rule.name;
  }

  /**
   * Whether this node tells of a rule: it holds its lease and has read what was told of it (until
   * then, an alert that fires is one it may have told of before a restart).
   */
  private boolean holds(AlertRule rule) {
    return leases.holds(leaseKey(rule)) && taken.contains(rule.name);
  }

  /**
   * Judges a published datapoint. Ticks from before this verticle started are an analyzer's
   * backfill of a downtime, computed before the sources caught up with what was written
   * meanwhile: judged on them, an alert could resolve and fire again for nothing.
   */
  private void onDatapoint(Datapoint point) {
    if (point.time() >= startedAt) {
      handle(evaluator.onDatapoint(point, System.currentTimeMillis()));
    }
  }

  private void onClock() {
    handle(evaluator.onClock(System.currentTimeMillis()));
    if (++ticks % (REPUBLISH_MILLIS / CLOCK_MILLIS) == 0) {
      rules.values().stream().filter(this::holds)
          .forEach(rule -> evaluator.active(rule).forEach(alert -> publish(rule, alert)));
    }
    long now = System.currentTimeMillis();
    rules.values().stream().filter(this::holds)
        .forEach(rule -> notifier.resend(rule, evaluator.active(rule), now));
  }

  private void handle(List<AlertEvaluator.Transition> transitions) {
    for (AlertEvaluator.Transition t : transitions) {
      if (!holds(t.rule())) {
        continue; // a standby: the holder tells
      }
      Alert alert = t.alert();
      LOG.info("alert {} {} -> {}: {}{}", alert.describe(), t.from().label(), alert.state().label(),
          alert.annotations().getOrDefault("summary", alert.valueText()),
          alert.state().notified() && !t.rule().receivers.isEmpty()
              ? " (to " + String.join(", ", t.rule().receivers) + ")" : "");
      publish(t.rule(), alert);
      if (alert.state().notified()) {
        notifier.changed(t.rule(), alert);
      }
    }
  }

  private void publish(AlertRule rule, Alert alert) {
    vertx.eventBus().publish(Addresses.ALERTS,
        alert.toJson().put("url", notifier.link(rule, alert)));
  }

  /**
   * This node now holds a rule: it reads what was told of the rule's alerts, takes their firing
   * ones, and catches up with what its receivers were not told.
   */
  private void takeOver(AlertRule rule) {
    notifier.read(rule).onSuccess(records -> {
      if (!leases.holds(leaseKey(rule))) {
        return; // lost meanwhile: the new holder reads them
      }
      taken.add(rule.name);
      notifier.take(rule, records).forEach(alert -> evaluator.adopt(rule, alert));
      notifier.catchUp(rule, evaluator.active(rule));
      evaluator.active(rule).forEach(alert -> publish(rule, alert));
    });
  }

  private void giveUp(AlertRule rule) {
    taken.remove(rule.name);
    notifier.forget(rule);
  }

  /** Alerts pending or firing, per rule this node holds; rules held. */
  public JsonObject status() {
    JsonObject status = new JsonObject();
    if (evaluator == null) {
      return status;
    }
    long firing = evaluator.active(null).stream().filter(a -> a.state() == AlertState.FIRING).count();
    return status.put("firing", firing)
        .put("pending", evaluator.active(null).size() - firing)
        .put("unjudged", evaluator.unjudged())
        .put("held", new io.vertx.core.json.JsonArray(rules.values().stream().filter(this::holds)
            .map(r -> r.name).toList()))
        .put("waiting", notifier.waiting());
  }

  @Override
  public Future<?> stop() {
    if (clock >= 0) {
      vertx.cancelTimer(clock);
    }
    return leases.release()
        .compose(v -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()))
        .compose(v -> notifier.close());
  }
}
