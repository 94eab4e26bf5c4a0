package dev.livelog.common.config;

import java.time.Duration;

/**
 * Where events and datapoints are kept: MongoDB when {@code mongo.uri} is set (or the
 * {@code LIVELOG_MONGO_URI} environment variable), otherwise the embedded store in
 * {@code data_dir}. Raw events are kept for {@code retention}.
 */
public record StorageConfig(String dataDir, MongoConfig mongo, Duration retention) {

  public static final String MONGO_URI_ENV = "LIVELOG_MONGO_URI";

  public StorageConfig {
    dataDir = dataDir == null ? "data" : dataDir;
    mongo = mongo == null ? new MongoConfig(null, null) : mongo;
    retention = retention == null ? Duration.ofDays(7) : retention;
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null);
  }

  public static StorageConfig embedded(String dataDir) {
    return new StorageConfig(dataDir, null, null);
  }

  public boolean usesMongo() {
    return mongo.uri() != null && !mongo.uri().isBlank();
  }

  /** MongoDB connection settings; the URI may hold credentials, so it is never logged. */
  public record MongoConfig(String uri, String database) {
    public MongoConfig {
      database = database == null ? "livelog" : database;
    }
  }
}
