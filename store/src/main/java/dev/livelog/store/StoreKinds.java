package dev.livelog.store;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.common.kind.Kinds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registered {@link StoreKind}s: which kind the {@code storage} section is (its
 * {@code kind}; else the one its keys fit; else the fallback, the embedded store), its
 * checks, and opening the store.
 */
public final class StoreKinds {
  private static final Kinds<StoreKind> KINDS = Kinds.load(StoreKind.class, "store kind");

  private StoreKinds() {}

  /**
   * Checks the storage section's keys and those of its kind.
   *
   * @throws ConfigException naming the field ({@code storage.mongo.uri}) and the reason
   */
  public static void validate(StorageConfig storage) {
    Set<String> known = new HashSet<>(StorageConfig.COMMON_KEYS);
    KINDS.all().forEach(kind -> known.addAll(kind.keys()));
    try {
      Setting.onlyKeys(storage.settings(), known, "");
      kindOf(storage).validate(storage);
    } catch (ConfigException e) {
      throw e.under("storage");
    }
  }

  /** The kind of the storage section. */
  public static StoreKind of(StorageConfig storage) {
    try {
      return kindOf(storage);
    } catch (ConfigException e) {
      throw e.under("storage");
    }
  }

  /** The section's kind; errors name fields relative to {@code storage}. */
  private static StoreKind kindOf(StorageConfig storage) {
    if (storage.kind() != null) {
      return KINDS.named("kind", storage.kind());
    }
    List<StoreKind> fitting = KINDS.all().stream().filter(kind -> kind.recognises(storage)).toList();
    if (fitting.size() > 1) {
      throw new ConfigException("", "the keys fit several stores ("
          + String.join(", ", fitting.stream().map(StoreKind::name).toList())
          + "): name one with kind");
    }
    return fitting.isEmpty() ? fallback() : fitting.get(0);
  }

  /** Opens the store the section describes; the caller closes it. */
  public static Future<EventStore> open(Vertx vertx, StorageConfig storage) {
    EventStore store;
    try {
      store = of(storage).create(vertx, storage);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return store.open().map(v -> store);
  }

  /** The names of the kinds that analyzer nodes can share, for messages. */
  public static List<String> sharedByNodes() {
    return KINDS.all().stream().filter(StoreKind::sharedByNodes).map(StoreKind::name).toList();
  }

  private static StoreKind fallback() {
    return KINDS.all().stream().filter(StoreKind::fallback).findFirst()
        .orElseThrow(() -> new ConfigException("kind", "required; use one of: "
            + String.join(", ", KINDS.names())));
  }
}
