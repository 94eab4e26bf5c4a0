package dev.livelog.store.duckdb;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.livelog.store.query.EventCursor;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored events back as {@link LogEvent}s with their typed fields; counts and expires
 * them. Statements come from the reader (queries, cancelled at their deadline) or the writer
 * (counting and expiring, in line with appends).
 */
final class DuckDbEventQueries {
  /** Result columns before the fields: source, offset, time, schema, file, host, path. */
  private static final int FIRST_FIELD_COLUMN = 8;

  private final Statements statements;
  private final EventColumns columns;
  private final EventSchemas schemas;

  DuckDbEventQueries(Statements statements, EventColumns columns, EventSchemas schemas) {
    this.statements = statements;
    this.columns = columns;
    this.schemas = schemas;
  }

  List<LogEvent> range(long from, long to, int limit) throws SQLException {
    List<LogEvent> events = new ArrayList<>();
    query(from, to, limit, (row, event) -> events.add(event));
    return events;
  }

  /** Stored events with their files: consecutive events of one file as one batch. */
  List<EventBatch> batches(long from, long to, int limit) throws SQLException {
    List<EventBatch> batches = new ArrayList<>();
    List<LogEvent> current = new ArrayList<>();
    SourceOrigin[] origin = {null};
    query(from, to, limit, (row, event) -> {
      SourceOrigin o = new SourceOrigin(event.source(), row.getString(6), row.getString(7), row.getString(5));
      if (origin[0] != null && !origin[0].equals(o)) {
        batches.add(EventBatch.ofStored(origin[0], current));
        current.clear();
      }
      origin[0] = o;
      current.add(event);
    });
    if (!current.isEmpty()) {
      batches.add(EventBatch.ofStored(origin[0], current));
    }
    return batches;
  }

  @FunctionalInterface
  private interface RowSink {
    void accept(ResultSet row, LogEvent event) throws SQLException;
  }

  /** Oldest first, without lines: what warm-up reads, page after page. */
  private void query(long from, long to, int limit, RowSink sink) throws SQLException {
    List<EventColumns.Column> fieldColumns = List.copyOf(columns.all());
    String sql = select(fieldColumns, false) + " FROM events WHERE " + timeRange(from, to)
        + " ORDER BY time, source, file_id, \"offset\" LIMIT ?";
    try (PreparedStatement query = statements.prepare(sql)) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          sink.accept(rows, event(rows, fieldColumns, false));
        }
      }
    }
  }

  /**
   * A page of events newest first, with their lines, and the total that match. The page reads
   * one event more than it shows, to know whether another page follows.
   */
  EventsPage page(EventsQuery q) throws SQLException {
    List<EventColumns.Column> fieldColumns = List.copyOf(columns.all());
    FilterSql filters = new FilterSql(new FieldSql(columns));
    StringBuilder where = new StringBuilder(timeRange(q.from(), q.to()));
    q.filters().forEach(f -> where.append(" AND ").append(filters.of(f)));
    List<EventsPage.Stored> rows = new ArrayList<>();
    String sql = select(fieldColumns, true) + " FROM events WHERE " + where
        + (q.after() == null ? "" : " AND " + AFTER)
        + " ORDER BY time DESC, source DESC, file_id DESC, \"offset\" DESC LIMIT " + (q.limit() + 1);
    try (PreparedStatement query = statements.prepare(sql)) {
      if (q.after() != null) {
        EventCursor c = q.after();
        Object[] params = {c.time(), c.time(), c.source(), c.source(), c.fileId(), c.fileId(),
            c.offset()};
        for (int i = 0; i < params.length; i++) {
          query.setObject(i + 1, params[i]);
        }
      }
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          rows.add(new EventsPage.Stored(event(found, fieldColumns, true), found.getString(5),
              found.getString(6), found.getString(7)));
        }
      }
    }
    long total;
    try (PreparedStatement count = statements.prepare("SELECT count(*) FROM events WHERE " + where);
        ResultSet n = count.executeQuery()) {
      n.next();
      total = n.getLong(1);
    }
    return EventsPage.of(rows, q.limit(), total);
  }

  /** After a cursor in the newest-first order: an earlier time, or the same and a lower identity. */
  private static final String AFTER = """
      (time < CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS)
        OR (time = CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS) AND (source < ?
          OR (source = ? AND (file_id < ? OR (file_id = ? AND "offset" < ?))))))""";

  private static String timeRange(long from, long to) {
    return "time >= CAST(epoch_ms(" + Sql.timeBound(from) + "::BIGINT) AS TIMESTAMP_MS)"
        + " AND time < CAST(epoch_ms(" + Sql.timeBound(to) + "::BIGINT) AS TIMESTAMP_MS)";
  }

  /** The fixed columns, then every other column in table order; the line only when asked. */
  private static String select(List<EventColumns.Column> fieldColumns, boolean withLine) {
    StringBuilder sql = new StringBuilder(
        "SELECT source, \"offset\", epoch_ms(time), schema_id, file_id, host, path");
    for (EventColumns.Column c : fieldColumns) {
      sql.append(", ").append(c.kind() == ValueKind.INSTANT ? "epoch_ms(" + c.quoted() + ")"
          : c.kind() == ValueKind.LINE && !withLine ? "NULL" : c.quoted());
    }
    return sql.toString();
  }

  private LogEvent event(ResultSet row, List<EventColumns.Column> fieldColumns, boolean withLine)
      throws SQLException {
    FieldSchema schema = schemas.byId(row.getInt(4), statements);
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      for (EventColumns.Column c : columns.of(schema.name(i))) {
        if (c.index() < fieldColumns.size()) {
          Object v = value(row, FIRST_FIELD_COLUMN + c.index(), c.kind());
          if (v != null) {
            values[i] = v;
            break;
          }
        }
      }
    }
    EventColumns.Column extra = columns.extra();
    if (extra != null && extra.index() < fieldColumns.size()) {
      String json = row.getString(FIRST_FIELD_COLUMN + extra.index());
      if (json != null) {
        FieldsJson.Fields fields = FieldsJson.read(json);
        for (int k = 0; k < fields.names().size(); k++) {
          int i = schema.indexOf(fields.names().get(k));
          if (i >= 0 && values[i] == null) {
            values[i] = fields.values()[k];
          }
        }
      }
    }
    EventColumns.Column line = columns.line();
    return new LogEvent(row.getString(1), row.getLong(2), row.getLong(3), schema, values,
        withLine && line.index() < fieldColumns.size() ? row.getString(FIRST_FIELD_COLUMN + line.index()) : null);
  }

  private static Object value(ResultSet row, int column, ValueKind kind) throws SQLException {
    Object raw = row.getObject(column);
    if (raw == null) {
      return null;
    }
    return switch (kind) {
      case TEXT -> raw.toString();
      case INTEGER -> ((Number) raw).longValue();
      case NUMBER -> ((Number) raw).doubleValue();
      case BOOLEAN -> (Boolean) raw;
      case INSTANT -> Instant.ofEpochMilli(((Number) raw).longValue());
      case LIST -> FieldsJson.readList(raw.toString());
      case EXTRA, LINE -> raw.toString();
    };
  }

  long count() throws SQLException {
    try (PreparedStatement count = statements.prepare("SELECT count(*) FROM events");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  long expire(long before) throws SQLException {
    try (PreparedStatement delete = statements.prepare(
        "DELETE FROM events WHERE time < CAST(epoch_ms(?::BIGINT) AS TIMESTAMP_MS)")) {
      delete.setLong(1, Sql.timeBound(before));
      return delete.executeUpdate();
    }
  }
}
