package dev.livelog.store.mongo;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.store.EventStore;
import dev.livelog.store.StoreKind;
import io.vertx.core.Vertx;
import java.util.Set;

/**
 * {@code mongodb}: a MongoDB server, {@code mongo: {uri, database}} (database {@code livelog} by
 * default), which analyzer nodes of a cluster share. Recognised by {@code mongo.uri}, which
 * {@code LIVELOG_MONGO_URI} may fill; the URI may hold credentials, so it is never shown, and
 * a password known from templates ({@link PlaceholderPasswords}) is refused.
 */
public final class MongoStoreKind implements StoreKind {

  /** The keys of the {@code mongo} section. */
  record MongoSettings(String uri, String database) {
    MongoSettings {
      database = database == null ? "livelog" : database;
    }
  }

  @Override
  public String name() {
    return "mongodb";
  }

  @Override
  public Set<String> keys() {
    return Set.of("mongo");
  }

  @Override
  public boolean recognises(StorageConfig storage) {
    Setting mongo = storage.settings().get("mongo");
    return mongo != null && !mongo.value().path("uri").asText("").isBlank();
  }

  @Override
  public void validate(StorageConfig storage) {
    MongoSettings mongo = settings(storage);
    if (mongo.uri() == null || mongo.uri().isBlank()) {
      throw new ConfigException("mongo.uri", "required (or set " + StorageConfig.MONGO_URI_ENV
          + " in the environment)");
    }
    if (!mongo.uri().startsWith("mongodb")) {
      throw new ConfigException("mongo.uri", "must start with mongodb:// or mongodb+srv://");
    }
    PlaceholderPasswords.in(mongo.uri()).ifPresent(p -> {
      throw new ConfigException("mongo.uri", "its password is a placeholder ('" + p
          + "') that anyone may know; give the MongoDB user a generated one (e.g. openssl rand -hex 24)");
    });
  }

  @Override
  public String describe(StorageConfig storage) {
    return "MongoDB";
  }

  @Override
  public boolean sharedByNodes() {
    return true;
  }

  @Override
  public EventStore create(Vertx vertx, StorageConfig storage) {
    MongoSettings mongo = settings(storage);
    return new MongoEventStore(vertx, mongo.uri(), mongo.database());
  }

  private static MongoSettings settings(StorageConfig storage) {
    Setting mongo = storage.settings().get("mongo");
    return mongo == null ? new MongoSettings(null, null) : mongo.as("mongo", MongoSettings.class);
  }
}
