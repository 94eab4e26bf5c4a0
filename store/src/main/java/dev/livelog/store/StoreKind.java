package dev.livelog.store;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.common.kind.Kind;
import io.vertx.core.Vertx;
import java.util.Set;

/**
 * A kind of store ({@code embedded}, {@code mongodb}, ...): the keys it reads in the
 * {@code storage} section, how a section that does not name its {@code kind} is recognised as
 * one, their checks, and the {@link EventStore} it opens. A new kind is one class implementing
 * this, registered by one line in {@code META-INF/services/dev.livelog.store.StoreKind} (and its
 * driver in the module's pom); {@link StoreKinds} finds it.
 *
 * <p>Errors a kind throws name fields relative to {@code storage} ({@code mongo.uri}).
 */
public interface StoreKind extends Kind {

  /** The keys this kind reads, besides those of every store ({@link StorageConfig#COMMON_KEYS}). */
  Set<String> keys();

  /** Whether a section that does not name its kind is of this one, from its keys. */
  boolean recognises(StorageConfig storage);

  /** Whether this is the store of a section that no kind recognises (the embedded one). */
  default boolean fallback() {
    return false;
  }

  /**
   * Checks the section's keys of this kind.
   *
   * @throws ConfigException naming the key (relative to {@code storage}) and the reason
   */
  void validate(StorageConfig storage);

  /** What the store is, for {@code check-config}: {@code embedded, in data}; never a secret. */
  String describe(StorageConfig storage);

  /**
   * Whether analyzer nodes of a cluster can share the store (a database server), rather than
   * each keeping its own (a file of the node's).
   */
  boolean sharedByNodes();

  /**
   * The store of a valid section, not opened yet.
   *
   * @throws IllegalStateException when it cannot even be made (a data directory that cannot be
   *     created), with a message that says why
   */
  EventStore create(Vertx vertx, StorageConfig storage);
}
