package dev.livelog.store.duckdb;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.SharedSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the field lists (schemas) of stored events, so each row says which fields it has
 * and reads back with the same schema, absent fields included. Kept in {@code event_schemas};
 * numbered on the writer thread, before any row names the number, and looked up
 * ({@link #byId}) on the reader thread too.
 */
final class EventSchemas {
  private static final char SEPARATOR = '\u001f';
  private static final int MAX_CACHED_SCHEMAS = 10_000;

  private final Connection connection;
  private final SharedSchemas shared = new SharedSchemas();
  private final Map<List<String>, Integer> idByNames = new HashMap<>();
  private final Map<Integer, FieldSchema> schemaById = new ConcurrentHashMap<>();
  private final Map<FieldSchema, Integer> idBySchema = new IdentityHashMap<>();
  private FieldSchema lastSchema;
  private int lastId;

  EventSchemas(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT id, names FROM event_schemas")) {
      while (rows.next()) {
        String names = rows.getString(2);
        List<String> list = names.isEmpty() ? List.of()
            : Arrays.asList(names.split(String.valueOf(SEPARATOR), -1));
        idByNames.put(list, rows.getInt(1));
        schemaById.put(rows.getInt(1), shared.of(list));
      }
    }
  }

  /** The id of a schema, numbering it when it is new. */
  int idOf(FieldSchema schema) throws SQLException {
    if (schema == lastSchema) {
      return lastId;
    }
    Integer id = idBySchema.get(schema);
    if (id != null) {
      lastSchema = schema;
      lastId = id;
      return id;
    }
    List<String> names = schema.names();
    id = idByNames.get(names);
    if (id == null) {
      id = idByNames.size() + 1;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO event_schemas (id, names) VALUES (?, ?)")) {
        insert.setInt(1, id);
        insert.setString(2, String.join(String.valueOf(SEPARATOR), names));
        insert.executeUpdate();
      }
      idByNames.put(new ArrayList<>(names), id);
      schemaById.put(id, shared.of(names));
    }
    if (idBySchema.size() > MAX_CACHED_SCHEMAS) {
      idBySchema.clear(); // bounded whatever the formats do; lookups just refill it
    }
    idBySchema.put(schema, id);
    return id;
  }

  FieldSchema byId(int id) {
    FieldSchema s = schemaById.get(id);
    if (s == null) {
      throw new IllegalStateException("stored events name schema " + id + ", which is unknown");
    }
    return s;
  }
}
