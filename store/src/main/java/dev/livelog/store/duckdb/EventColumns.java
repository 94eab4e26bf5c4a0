package dev.livelog.store.duckdb;

import dev.livelog.common.event.FieldSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The field columns of the {@code events} table, one per field and value kind, named
 * {@code f.<field>} (plus {@code #<kind>} for a field's second kind), added with
 * {@code ALTER TABLE} when a new one appears and remembered in {@code event_columns}. Typed
 * columns are what make DuckDB fast here: compact, compressed, and aggregated without
 * parsing. At most {@value #MAX_FIELD_COLUMNS} are made: a JSON format without a mapping makes
 * a field of every key it meets, and a log can have any number of keys; past the cap a field
 * without a column is kept in the row's {@link #extra} column (a JSON object), so nothing is
 * lost and the table (and every append, which writes every column) stays bounded. Each row's
 * line is the {@link #line} column, listed here too (a store made before it gets it at its
 * next open, after its field columns, and its older rows have none). Columns are
 * added on the writer thread only; the reader thread looks them up ({@link #all}, {@link #of},
 * {@link #extra}), and sees a column only once its {@code ALTER TABLE} committed.
 */
final class EventColumns {
  /** A field column: its position among the field columns, field, kind and SQL name. */
  record Column(int index, String field, ValueKind kind, String name) {
    String quoted() {
      return '"' + name.replace("\"", "\"\"") + '"';
    }
  }

  /** Field columns at most (a field's second kind is a column too); existing ones stay. */
  static final int MAX_FIELD_COLUMNS = 256;
  private static final int MAX_CACHED_SCHEMAS = 10_000;
  private static final String EXTRA_NAME = "extra";
  private static final String LINE_NAME = "line";

  private final Connection connection;
  private final List<Column> columns = new CopyOnWriteArrayList<>();
  // Arrays are replaced, never changed, so a reader sees a whole one.
  private final Map<String, Column[]> byField = new ConcurrentHashMap<>();
  private final Set<String> takenNames = new HashSet<>();
  private final Map<FieldSchema, Column[][]> bySchema = new IdentityHashMap<>();
  // Consecutive events nearly always share a schema: skip the map lookup for the last one.
  private FieldSchema lastSchema;
  private Column[][] lastColumns;
  private volatile Column extra;
  private volatile Column line;
  private int fieldColumns;

  EventColumns(Connection connection, Set<String> fixedColumns) throws SQLException {
    this.connection = connection;
    fixedColumns.forEach(n -> takenNames.add(n.toLowerCase(Locale.ROOT)));
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(
            "SELECT field, kind, name FROM event_columns ORDER BY position")) {
      while (rows.next()) {
        remember(rows.getString(1), ValueKind.valueOf(rows.getString(2)), rows.getString(3));
      }
    }
    if (line == null) {
      addColumn("", ValueKind.LINE, uniqueName(LINE_NAME));
    }
  }

  /**
   * Every column after the fixed ones, in table order: field columns, {@link #extra} and
   * {@link #line}.
   */
  List<Column> all() {
    return columns;
  }

  /** The column of fields past the cap (a JSON object per row), or null before it was needed. */
  Column extra() {
    return extra;
  }

  /** The column of each row's line. */
  Column line() {
    return line;
  }

  /** Whether another field column may be made (else the value goes into {@link #extra}). */
  boolean hasRoom() {
    return fieldColumns < MAX_FIELD_COLUMNS;
  }

  /** Makes the {@link #extra} column if it is not there yet. */
  Column addExtra() throws SQLException {
    if (extra == null) {
      addColumn("", ValueKind.EXTRA, uniqueName(EXTRA_NAME));
    }
    return extra;
  }

  /** The columns of a field, one per kind it has had (none when never stored). */
  List<Column> of(String field) {
    Column[] kinds = byField.get(field);
    List<Column> out = new ArrayList<>();
    if (kinds != null) {
      for (Column c : kinds) {
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The column for a field of a schema and a value kind, or null when it does not exist yet. */
  Column find(FieldSchema schema, int field, ValueKind kind) {
    Column[][] cache = lastColumns;
    if (schema != lastSchema) {
      if (bySchema.size() > MAX_CACHED_SCHEMAS) {
        bySchema.clear(); // bounded whatever the formats do; lookups just refill it
      }
      cache = bySchema.computeIfAbsent(schema, s -> new Column[s.size()][]);
      lastSchema = schema;
      lastColumns = cache;
    }
    Column[] kinds = cache[field];
    if (kinds == null) {
      kinds = byField.get(schema.name(field));
      if (kinds == null) {
        return null;
      }
      cache[field] = kinds;
    }
    return kinds[kind.ordinal()];
  }

  /** Adds the column for a field and kind; the table's column list changes. */
  Column add(String field, ValueKind kind) throws SQLException {
    if (!hasRoom()) {
      throw new IllegalStateException("no more than " + MAX_FIELD_COLUMNS + " field columns");
    }
    String base = "f." + field + (byField.containsKey(field) ? "#" + kind.name().toLowerCase(Locale.ROOT) : "");
    return addColumn(field, kind, uniqueName(base));
  }

  private Column addColumn(String field, ValueKind kind, String name) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("ALTER TABLE events ADD COLUMN " + quote(name) + " " + kind.sqlType());
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO event_columns (position, field, kind, name) VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, columns.size());
      insert.setString(2, field);
      insert.setString(3, kind.name());
      insert.setString(4, name);
      insert.executeUpdate();
    }
    bySchema.clear(); // cached lookups may hold the field's earlier (shorter) kind arrays
    lastSchema = null;
    return remember(field, kind, name);
  }

  private Column remember(String field, ValueKind kind, String name) {
    Column c = new Column(columns.size(), field, kind, name);
    columns.add(c);
    takenNames.add(name.toLowerCase(Locale.ROOT));
    if (kind == ValueKind.EXTRA) {
      extra = c;
      return c;
    }
    if (kind == ValueKind.LINE) {
      line = c;
      return c;
    }
    fieldColumns++;
    Column[] kinds = byField.get(field);
    kinds = kinds == null ? new Column[ValueKind.values().length] : kinds.clone();
    kinds[kind.ordinal()] = c;
    byField.put(field, kinds);
    return c;
  }

  /** DuckDB compares identifiers without case, so names must differ in more than case. */
  private String uniqueName(String base) {
    String name = base;
    for (int n = 2; takenNames.contains(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "~" + n;
    }
    return name;
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
