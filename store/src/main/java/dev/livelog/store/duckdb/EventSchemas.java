package dev.livelog.store.duckdb;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.SharedSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the field lists (schemas) of stored events, so each row says which fields it has
 * and reads back with the same schema, absent fields included. Kept in {@code event_schemas};
 * numbered on the writer thread, before any row names the number, and looked up
 * ({@link #byId}) on the reader thread too. A log whose lines have ever new keys has ever new
 * schemas, so memory holds only the most recent {@value #MAX_CACHED} each way (emptied when
 * full, as lookups refill them) and the table answers the rest.
 */
final class EventSchemas {
  private static final char SEPARATOR = '\u001f';
  static final int MAX_CACHED = 1_000;

  private final PreparedStatement findByNames;
  private final PreparedStatement insert;
  private final SharedSchemas shared = new SharedSchemas();
  private final Map<String, Integer> idByNames = new ConcurrentHashMap<>();
  private final Map<Integer, FieldSchema> schemaById = new ConcurrentHashMap<>();
  private final Map<FieldSchema, Integer> idBySchema = new IdentityHashMap<>();
  private FieldSchema lastSchema;
  private int lastId;
  private int nextId;

  EventSchemas(Connection connection) throws SQLException {
    this.findByNames = connection.prepareStatement("SELECT id FROM event_schemas WHERE names = ?");
    this.insert = connection.prepareStatement("INSERT INTO event_schemas (id, names) VALUES (?, ?)");
    this.nextId = (int) Sql.singleLong(connection, "SELECT coalesce(max(id), 0) + 1 FROM event_schemas");
  }

  /** The id of a schema, numbering it when it is new (on the writer thread). */
  int idOf(FieldSchema schema) throws SQLException {
    if (schema == lastSchema) {
      return lastId;
    }
    Integer id = idBySchema.get(schema);
    if (id == null) {
      String names = String.join(String.valueOf(SEPARATOR), schema.names());
      id = idByNames.get(names);
      if (id == null) {
        id = storedId(names);
        bounded(idByNames).put(names, id);
      }
      bounded(idBySchema).put(schema, id);
    }
    lastSchema = schema;
    lastId = id;
    return id;
  }

  private int storedId(String names) throws SQLException {
    findByNames.setString(1, names);
    try (ResultSet rows = findByNames.executeQuery()) {
      if (rows.next()) {
        return rows.getInt(1);
      }
    }
    int id = nextId++;
    insert.setInt(1, id);
    insert.setString(2, names);
    insert.executeUpdate();
    return id;
  }

  /** The schema of an id, read with {@code statements} when it is not in memory. */
  FieldSchema byId(int id, Statements statements) throws SQLException {
    FieldSchema s = schemaById.get(id);
    if (s != null) {
      return s;
    }
    try (PreparedStatement find = statements.prepare("SELECT names FROM event_schemas WHERE id = ?")) {
      find.setInt(1, id);
      try (ResultSet rows = find.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("stored events name schema " + id + ", which is unknown");
        }
        String names = rows.getString(1);
        List<String> list = names.isEmpty() ? List.of()
            : Arrays.asList(names.split(String.valueOf(SEPARATOR), -1));
        s = shared.of(list);
      }
    }
    bounded(schemaById).put(id, s);
    return s;
  }

  /** Schemas held in memory, at most {@value #MAX_CACHED} each way. */
  int cached() {
    return Math.max(Math.max(idByNames.size(), schemaById.size()), idBySchema.size());
  }

  private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    return cache;
  }
}
