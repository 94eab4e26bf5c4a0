package dev.livelog.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.event.FieldSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas numbered for ever new key sets: memory holds a bounded number, the table the rest. */
class EventSchemasTest {
  @TempDir Path dir;

  @Test
  void everNewSchemasKeepTheirNumbersInBoundedMemory() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("s.duckdb"))) {
      DuckDbSchema.create(c);
      EventSchemas schemas = new EventSchemas(c);
      Map<Integer, FieldSchema> numbered = new HashMap<>();
      for (int i = 0; i < 3 * EventSchemas.MAX_CACHED; i++) {
        FieldSchema s = FieldSchema.of("status", "key" + i);
        numbered.put(schemas.idOf(s), s);
        assertThat(schemas.cached()).isLessThanOrEqualTo(EventSchemas.MAX_CACHED);
      }
      assertThat(numbered).hasSize(3 * EventSchemas.MAX_CACHED);
      for (Map.Entry<Integer, FieldSchema> e : numbered.entrySet()) {
        assertThat(schemas.byId(e.getKey(), c::prepareStatement)).isEqualTo(e.getValue());
        assertThat(schemas.idOf(FieldSchema.of(e.getValue().names().toArray(String[]::new)))).isEqualTo(e.getKey());
      }
      assertThat(schemas.cached()).isLessThanOrEqualTo(EventSchemas.MAX_CACHED);
      // Numbers survive a reopen and new ones do not reuse them.
      EventSchemas reopened = new EventSchemas(c);
      assertThat(reopened.idOf(FieldSchema.of("status", "key7"))).isEqualTo(
          numbered.entrySet().stream().filter(e -> e.getValue().names().contains("key7")).findFirst().orElseThrow().getKey());
      assertThat(numbered).doesNotContainKey(reopened.idOf(FieldSchema.of("never", "seen")));
    }
  }
}
