package dev.livelog.alert;

import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.NotifyConfig;
import dev.livelog.store.EventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the receivers of the rules this node holds, each once per state of each alert: notes
 * an alert's firing or resolution in the {@link NotificationLedger} (and the store) before
 * sending, each receiver's delivery after; on a takeover reads the rule's records and sends
 * what was not delivered; sends firing alerts again to the receivers whose kind wants that.
 */
final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final EventStore store;
  private final String externalUrl;
  private final Map<String, NotifyConfig.Receiver> configs;
  private final Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();
  private final Map<String, ReceiverKind> kinds = new LinkedHashMap<>();
  private final NotificationLedger ledger = new NotificationLedger();
  /**
   * Per rule, when each firing alert was last delivered to each receiver that wants it again and
   * again; only its alerts firing now are kept (one resolved unseen by a receiver, with
   * {@code send_resolved: false} or dropped from a full queue, would otherwise stay forever).
   */
  private final Map<String, Map<String, Long>> lastSent = new HashMap<>();
  private Future<Void> writes = Future.succeededFuture();

  /**
   * The receivers of {@code notify}, their URLs and tokens read from {@code environment}.
   *
   * @throws ConfigException naming the variable a receiver needs and the environment lacks, or
   *     holds something else than a URL
   */
  Notifier(Vertx vertx, LivelogConfig config, Map<String, String> environment, EventStore store) {
    this.store = store;
    this.externalUrl = config.notifications().externalUrl(config.web());
    this.configs = config.notifications().receivers();
    configs.forEach((name, receiver) -> {
      String url = receiver.url(environment);
      if (url == null || url.isBlank()) {
        throw new ConfigException("notify.receivers." + name + ".url_env", "the environment"
            + " variable " + receiver.urlEnv() + " is not set (it holds the webhook's URL)");
      }
      if (!NotifyConfig.isHttpUrl(url)) {
        throw new ConfigException("notify.receivers." + name + ".url_env", "the environment"
            + " variable " + receiver.urlEnv() + " does not hold an http:// or https:// URL with"
            + " a host (its value is not shown: a webhook's URL often holds its token)");
      }
      ReceiverKind kind = ReceiverKinds.of(name, receiver);
      kinds.put(name, kind);
      receivers.put(name, new WebhookReceiver(vertx, name, kind.target(url),
          bearerToken(name, receiver, environment), receiver.timeout()));
    });
  }

  private static String bearerToken(String name, NotifyConfig.Receiver receiver,
      Map<String, String> environment) {
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

  /** Where an alert points: its window on the dashboard. */
  String link(AlertRule rule, Alert alert) {
    return WindowLink.of(externalUrl, rule, alert);
  }

  /** An alert of a held rule fired or resolved. */
  void changed(AlertRule rule, Alert alert) {
    long now = System.currentTimeMillis();
    write(ledger.noted(alert, now));
    rule.receivers.forEach(name -> tell(rule, alert, name));
    if (rule.receivers.isEmpty()) {
      write(ledger.settle(alert, rule.receivers, now));
    }
  }

  /**
   * Reads what was told of a rule's alerts, for a node that takes the rule (none, with a
   * warning, when the store cannot say).
   */
  Future<List<AlertRecord>> read(AlertRule rule) {
    return store.alertRecords()
        .map(records -> records.stream().filter(r -> r.rule().equals(rule.name)).toList())
        .recover(e -> {
          LOG.warn("alert {}: what was notified could not be read from the store ({}); sending"
              + " what fires from now", rule.name, e.getMessage());
          return Future.succeededFuture(List.of());
        });
  }

  /**
   * Takes a rule's records (read while this node still held it); returns its alerts last noted
   * firing, for the node taking the rule to adopt.
   */
  List<Alert> take(AlertRule rule, List<AlertRecord> records) {
    records.forEach(ledger::load);
    return ledger.firing(rule.name);
  }

  /**
   * After a takeover: tells each receiver what it was not told yet, and notifies what fired
   * while this node watched as a standby and nobody recorded.
   */
  void catchUp(AlertRule rule, List<Alert> active) {
    ledger.untold(rule.name, rule.receivers).forEach(u -> tell(rule, u.alert(), u.receiver()));
    for (Alert alert : active) {
      if (alert.state() == AlertState.FIRING && ledger.state(alert) != AlertState.FIRING) {
        LOG.info("alert {} fired while this node watched as a standby: notifying", alert.describe());
        changed(rule, alert);
      }
    }
  }

  /**
   * The rule's lease went to another node (which reads the records and sends what waited
   * here): its ledger, resend times and waiting notifications go.
   */
  void forget(AlertRule rule) {
    ledger.forget(rule.name);
    lastSent.remove(rule.name);
    receivers.values().forEach(r -> r.dropRule(rule.name));
  }

  /**
   * Sends the firing alerts again to the receivers that want them so (an Alertmanager forgets an
   * alert it is not told of again); one never sent by this node (it started, or took the rule
   * over) at once.
   */
  void resend(AlertRule rule, List<Alert> active, long now) {
    Map<String, Long> sentAt = lastSent.computeIfAbsent(rule.name, r -> new HashMap<>());
    Set<String> firing = new HashSet<>();
    for (Alert alert : active) {
      if (alert.state() != AlertState.FIRING) {
        continue;
      }
      for (String name : rule.receivers) {
        String key = sentKey(alert, name);
        firing.add(key);
        long every = kinds.get(name).resendMillis();
        Long sent = sentAt.get(key);
        if (every > 0 && (sent == null || now - sent >= every) && ledger.told(alert, name)) {
          send(rule, alert, name, () -> { });
        }
      }
    }
    sentAt.keySet().retainAll(firing);
  }

  /** Records of rules no longer configured would be kept forever: they go. */
  Future<Void> forgetRemovedRules(Set<String> configured) {
    return store.alertRecords().compose(records -> {
      List<Future<Void>> deleted = new ArrayList<>();
      records.stream().filter(r -> !configured.contains(r.rule())).forEach(r -> {
        LOG.info("alert rule {} is no longer configured: forgetting its alert {}", r.rule(), r.fingerprint());
        deleted.add(store.deleteAlertRecord(r.fingerprint()));
      });
      return Future.all(deleted).<Void>mapEmpty();
    }).recover(e -> {
      LOG.warn("alert records not read from the store: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }

  /** Notifications waiting or being sent. */
  int waiting() {
    return receivers.values().stream().mapToInt(WebhookReceiver::waiting).sum();
  }

  /**
   * Once the store has what was told, closes the receivers (what waits is sent by whoever holds
   * the rule next).
   */
  Future<Void> close() {
    return writes.compose(v -> Future.join(receivers.values().stream().map(WebhookReceiver::close)
        .toList())).mapEmpty();
  }

  private void tell(AlertRule rule, Alert alert, String name) {
    if (ledger.told(alert, name)) {
      return;
    }
    if (alert.state() == AlertState.RESOLVED && !configs.get(name).sendResolved()) {
      write(ledger.delivered(alert, name, rule.receivers, System.currentTimeMillis()));
      return;
    }
    send(rule, alert, name, () -> {
      LOG.info("receiver {} told: alert {} {}", name, alert.describe(), alert.state().label());
      write(ledger.delivered(alert, name, rule.receivers, System.currentTimeMillis()));
    });
  }

  private void send(AlertRule rule, Alert alert, String name, Runnable onDelivered) {
    WebhookReceiver receiver = receivers.get(name);
    String key = alert.fingerprint() + " " + alert.state().label();
    if (receiver.has(key)) {
      return; // on its way already (a takeover found it untold while it was being sent)
    }
    ReceiverKind kind = kinds.get(name);
    ReceiverKind.Notice notice = new ReceiverKind.Notice(alert, name, externalUrl,
        link(rule, alert), System.currentTimeMillis());
    receiver.send(new WebhookReceiver.Notification(rule.name, key, kind.body(notice),
        alert.describe() + " " + alert.state().label(), () -> {
          if (alert.state() == AlertState.FIRING && kind.resendMillis() > 0) {
            lastSent.computeIfAbsent(rule.name, r -> new HashMap<>())
                .put(sentKey(alert, name), System.currentTimeMillis());
          }
          onDelivered.run();
        }));
  }

  private static String sentKey(Alert alert, String receiver) {
    return alert.fingerprint() + " " + receiver;
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
}
