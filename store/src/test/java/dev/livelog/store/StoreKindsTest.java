package dev.livelog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.StorageConfig;
import dev.livelog.store.duckdb.EmbeddedStoreKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store kinds: MongoDB when a URI is set (in the file or the environment), else embedded. */
class StoreKindsTest {

  private static StorageConfig storage(String yaml) {
    StorageConfig storage = ConfigLoader.parse(yaml).storage();
    StoreKinds.validate(storage);
    return storage;
  }

  private static String kind(String yaml) {
    return StoreKinds.of(storage(yaml)).name();
  }

  @Test
  void withoutAMongoUriTheStoreIsTheEmbeddedOne() {
    assertThat(kind("")).isEqualTo("embedded");
    assertThat(kind("storage: {data_dir: /var/lib/livelog, retention: 3d}")).isEqualTo("embedded");
    assertThat(kind("storage: {mongo: {database: logs}}")).as("the URI may come at run time")
        .isEqualTo("embedded");
    assertThat(StoreKinds.of(storage("storage: {data_dir: /srv/d}")).describe(storage("storage: {data_dir: /srv/d}")))
        .isEqualTo("embedded, in /srv/d");
    assertThat(StoreKinds.of(EmbeddedStoreKind.inDirectory("x")).name()).isEqualTo("embedded");
  }

  @Test
  void aMongoUriMakesItMongoDb() {
    assertThat(kind("storage: {data_dir: data, mongo: {uri: 'mongodb://db:27017'}}"))
        .isEqualTo("mongodb");
  }

  @Test
  void mongoUriComesFromTheEnvironment() {
    LivelogConfig c = ConfigLoader.withEnvironment(ConfigLoader.parse(""),
        Map.of(StorageConfig.MONGO_URI_ENV, "mongodb://127.0.0.1:27017"));
    StoreKind kind = StoreKinds.of(c.storage());
    assertThat(kind.name()).isEqualTo("mongodb");
    assertThat(kind.sharedByNodes()).isTrue();
    assertThat(kind.create(null, c.storage()).describe()).as("the database by default")
        .isEqualTo("MongoDB 127.0.0.1:27017/livelog");
  }

  @Test
  void errorsNameTheFieldAndAnUnknownKindListsTheRegisteredOnes() {
    assertThatThrownBy(() -> storage("storage: {mongo: {uri: 'http://db'}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("storage.mongo.uri: must start with mongodb:// or mongodb+srv://");
    assertThatThrownBy(() -> storage("storage: {mongo: {uri: 'mongodb://db', databse: x}}"))
        .hasMessageStartingWith("storage.mongo.databse: unknown key; expected one of: database, uri");
    assertThatThrownBy(() -> storage("storage: {kind: mongodb}"))
        .hasMessageStartingWith("storage.mongo.uri: required");
    assertThatThrownBy(() -> storage("storage: {kind: cassandra}"))
        .hasMessage("storage.kind: unknown store kind 'cassandra'; use one of: embedded, mongodb");
    assertThatThrownBy(() -> storage("storage:\n  data_dri: x\n"))
        .hasMessage("storage.data_dri: unknown key (line 2); expected one of: data_dir, kind,"
            + " mongo, retention");
    assertThatThrownBy(() -> storage("storage: {data_dir: ''}"))
        .hasMessage("storage.data_dir: required");
  }

  @Test
  void aPasswordKnownFromTemplatesIsRefusedAndAGeneratedOneTaken() {
    for (String uri : List.of("mongodb://livelog:change-me@livelog-mongodb:27017/?authSource=admin",
        "mongodb://root:CHANGE_ME@db", "mongodb+srv://app:password@cluster0.example.net/livelog",
        "mongodb://u:%3Cpassword%3E@h1:27017,h2:27017/?replicaSet=rs")) {
      assertThatThrownBy(() -> storage("storage: {mongo: {uri: '" + uri + "'}}")).as(uri)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("storage.mongo.uri: its password is a placeholder")
          .hasMessageContaining("openssl rand");
    }
    for (String uri : List.of("mongodb://livelog:4f1c9e0b7a2d@livelog-mongodb:27017/livelog?authSource=livelog",
        "mongodb://db:27017", "mongodb://user@db/?authMechanism=MONGODB-X509",
        "mongodb://u:p%40ss-word-long@db/x?y=change-me")) {
      assertThat(kind("storage: {mongo: {uri: '" + uri + "'}}")).as(uri).isEqualTo("mongodb");
    }
  }
}
