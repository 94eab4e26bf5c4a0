package dev.livelog.alert;

import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.analyzer.StoredSeries;
import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.cluster.Leases;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.NotifyConfig;
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
 * its alerts on {@code livelog.alerts} and notifies. What receivers were told is kept in the
 * store ({@link NotificationLedger}): a node that takes a rule over, or starts again, reads it
 * and tells nothing twice.
 */
public final class AlertVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AlertVerticle.class);
  static final long CLOCK_MILLIS = 1_000;
  static final long REPUBLISH_MILLIS = 2_000;

  private final LivelogConfig config;
  private final EventStore store;
  private final Map<String, String> environment;
  private final Map<String, AlertRule> rules = new LinkedHashMap<>();
  private final Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();
  private final Map<String, ReceiverKind> kinds = new LinkedHashMap<>();
  /** When each firing alert was last delivered to each receiver that wants it again and again. */
  private final Map<String, Long> lastSent = new java.util.HashMap<>();
  private final NotificationLedger ledger = new NotificationLedger();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  /** Rules whose lease this node holds and whose records it has read. */
  private final Set<String> taken = new java.util.HashSet<>();
  private String externalUrl;
  private AlertEvaluator evaluator;
  private Leases leases;
  private Future<Void> writes = Future.succeededFuture();
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
    externalUrl = config.notifications().externalUrl(config.web());
    openReceivers();
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
        .compose(v -> forgetRemovedRules())
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

  private void openReceivers() {
    config.notifications().receivers().forEach((name, receiver) -> {
      String url = receiver.url(environment);
      if (url == null || url.isBlank()) {
        throw new ConfigException("notify.receivers." + name + ".url_env", "the environment"
            + " variable " + receiver.urlEnv() + " is not set (it holds the webhook's URL)");
      }
      String token = bearerToken(name, receiver);
      ReceiverKind kind = ReceiverKinds.of(name, receiver);
      kinds.put(name, kind);
      receivers.put(name, new WebhookReceiver(vertx, name, kind.target(url), token, receiver.timeout()));
    });
  }

  private String bearerToken(String name, NotifyConfig.Receiver receiver) {
    if (receiver.bearerTokenEnv() == null) {
      return null;
    }
    String token = environment.get(receiver.bearerTokenEnv());
    if (token == null || token.isBlank()) {
      throw new ConfigException("notify.receivers." + name + ".bearer_token_env", "the"
          + " environment variable " + receiver.bearerTokenEnv() + " is not set");
    }
    return token;
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
    rules.values().stream().filter(this::holds).forEach(rule -> resend(rule, now));
  }

  private void handle(List<AlertEvaluator.Transition> transitions) {
    for (AlertEvaluator.Transition t : transitions) {
      if (!holds(t.rule())) {
        continue; // a standby: the holder tells
      }
      Alert alert = t.alert();
      LOG.info("alert {} {} -> {}: {}{}", describe(alert), t.from().label(), alert.state().label(),
          alert.annotations().getOrDefault("summary", alert.valueText()),
          alert.state().notified() && !t.rule().receivers.isEmpty()
              ? " (to " + String.join(", ", t.rule().receivers) + ")" : "");
      publish(t.rule(), alert);
      if (alert.state().notified()) {
        notify(t.rule(), alert);
      }
    }
  }

  private void publish(AlertRule rule, Alert alert) {
    vertx.eventBus().publish(Addresses.ALERTS,
        alert.toJson().put("url", WindowLink.of(externalUrl, rule, alert)));
  }

  private void notify(AlertRule rule, Alert alert) {
    long now = System.currentTimeMillis();
    write(ledger.noted(alert, now));
    rule.receivers.forEach(name -> tell(rule, alert, name));
    if (rule.receivers.isEmpty()) {
      write(ledger.settle(alert, rule.receivers, now));
    }
  }

  private void tell(AlertRule rule, Alert alert, String name) {
    if (ledger.told(alert, name)) {
      return;
    }
    if (alert.state() == AlertState.RESOLVED && !config.notifications().receivers().get(name).sendResolved()) {
      write(ledger.delivered(alert, name, rule.receivers, System.currentTimeMillis()));
      return;
    }
    send(rule, alert, name, () -> {
      LOG.info("receiver {} told: alert {} {}", name, describe(alert), alert.state().label());
      write(ledger.delivered(alert, name, rule.receivers, System.currentTimeMillis()));
    });
  }

  private void send(AlertRule rule, Alert alert, String name, Runnable onDelivered) {
    WebhookReceiver receiver = receivers.get(name);
    String key = alert.fingerprint() + " " + alert.state().label();
    if (receiver.has(key)) {
      return; // on its way already (a takeover found it untold while it was being sent)
    }
    long now = System.currentTimeMillis();
    ReceiverKind.Notice notice = new ReceiverKind.Notice(alert, name, externalUrl,
        WindowLink.of(externalUrl, rule, alert), now);
    receiver.send(new WebhookReceiver.Notification(rule.name, key, kinds.get(name).body(notice),
        describe(alert) + " " + alert.state().label(), () -> {
          String sentKey = alert.fingerprint() + " " + name;
          if (alert.state() == AlertState.FIRING && kinds.get(name).resendMillis() > 0) {
            lastSent.put(sentKey, System.currentTimeMillis());
          } else {
            lastSent.remove(sentKey);
          }
          onDelivered.run();
        }));
  }

  /**
   * Sends the firing alerts again to the receivers that want them so (an Alertmanager forgets an
   * alert it is not told of again).
   */
  private void resend(AlertRule rule, long now) {
    for (Alert alert : evaluator.active(rule)) {
      if (alert.state() != AlertState.FIRING) {
        continue;
      }
      for (String name : rule.receivers) {
        long every = kinds.get(name).resendMillis();
        Long sent = lastSent.get(alert.fingerprint() + " " + name);
        // Never sent by this node (it started, or took the rule over): at once.
        if (every > 0 && (sent == null || now - sent >= every) && ledger.told(alert, name)) {
          send(rule, alert, name, () -> { });
        }
      }
    }
  }

  /**
   * This node now holds a rule: it reads what was told of the rule's alerts, takes their firing
   * ones, tells each receiver what it was not told yet, and notifies what fired while it
   * watched as a standby and nobody recorded.
   */
  private void takeOver(AlertRule rule) {
    store.alertRecords().onComplete(read -> {
      if (!leases.holds(leaseKey(rule))) {
        return;
      }
      taken.add(rule.name);
      if (read.failed()) {
        LOG.warn("alert {}: what was notified could not be read from the store ({}); sending"
            + " what fires from now", rule.name, read.cause().getMessage());
      } else {
        read.result().stream().filter(r -> r.rule().equals(rule.name)).forEach(ledger::load);
      }
      ledger.firing(rule.name).forEach(alert -> evaluator.adopt(rule, alert));
      ledger.untold(rule.name, rule.receivers).forEach(u -> tell(rule, u.alert(), u.receiver()));
      for (Alert alert : evaluator.active(rule)) {
        if (alert.state() == AlertState.FIRING && ledger.state(alert) != AlertState.FIRING) {
          LOG.info("alert {} fired while this node watched as a standby: notifying", describe(alert));
          notify(rule, alert);
        }
        publish(rule, alert);
      }
    });
  }

  private void giveUp(AlertRule rule) {
    taken.remove(rule.name);
    ledger.forget(rule.name);
    receivers.values().forEach(r -> r.dropRule(rule.name));
  }

  /** Records of rules no longer in the config would be kept forever: they go. */
  private Future<Void> forgetRemovedRules() {
    return store.alertRecords().compose(records -> {
      List<Future<Void>> deleted = new ArrayList<>();
      records.stream().filter(r -> !rules.containsKey(r.rule())).forEach(r -> {
        LOG.info("alert rule {} is no longer configured: forgetting its alert {}", r.rule(), r.fingerprint());
        deleted.add(store.deleteAlertRecord(r.fingerprint()));
      });
      return Future.all(deleted).<Void>mapEmpty();
    }).recover(e -> {
      LOG.warn("alert records not read from the store: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }

  /** Store writes in order (a record's saves must not overtake each other). */
  private void write(NotificationLedger.Change change) {
    if (change == null) {
      return;
    }
    writes = writes.transform(previous -> (change.record() == null
        ? store.deleteAlertRecord(change.fingerprint()) : store.saveAlertRecord(change.record()))
        .recover(e -> {
          LOG.warn("alert {}: what was notified was not saved: {}", change.fingerprint(), e.getMessage());
          return Future.succeededFuture();
        }));
  }

  private static String describe(Alert alert) {
    String key = alert.labels().getOrDefault("series", alert.labels().get("source"));
    return alert.rule() + (key == null ? "" : " [" + key + "]");
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
        .put("waiting", receivers.values().stream().mapToInt(WebhookReceiver::waiting).sum());
  }

  @Override
  public Future<?> stop() {
    if (clock >= 0) {
      vertx.cancelTimer(clock);
    }
    return leases.release()
        .compose(v -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()))
        .compose(v -> writes)
        .compose(v -> Future.join(receivers.values().stream().map(WebhookReceiver::close).toList()))
        .mapEmpty();
  }
}
