package dev.livelog.alert;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.NotifyConfig;
import dev.livelog.common.kind.Kinds;

/** The registered receiver kinds, and which one a receiver is (its {@code kind}, default webhook). */
public final class ReceiverKinds {
  private static final Kinds<ReceiverKind> REGISTERED = Kinds.load(ReceiverKind.class, "receiver kind");

  private ReceiverKinds() {}

  static ReceiverKind of(String name, NotifyConfig.Receiver receiver) {
    return REGISTERED.named("notify.receivers." + name + ".kind",
        receiver.kind() == null ? "webhook" : receiver.kind());
  }

  /** Checks every receiver's kind. */
  static void validate(LivelogConfig config) {
    config.notifications().receivers().forEach(ReceiverKinds::of);
  }
}
