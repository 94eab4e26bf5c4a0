package dev.livelog.store.duckdb;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.event.OffsetRanges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events idempotently at Appender speed. An event's identity is its source, file and
 * byte offset; the byte ranges already stored per source and file ({@link OffsetRanges}, kept
 * in memory and in {@code stored_ranges}) tell which events of a batch are new, even when
 * batches arrive out of order or twice. New rows go straight into {@code events} through the
 * Appender, field values in typed columns ({@link EventColumns}).
 *
 * <p>The Appender commits by itself when it flushes, so rows and ranges cannot share a
 * transaction. Each append's rows carry its sequence number, and {@code store_meta} says up to
 * which append the saved ranges are complete; rows of later appends (a crash, a failed or not
 * yet due range save) are folded back into the ranges from the rows themselves when the store
 * opens. A primary key would do the same check per row at a quarter of the speed. Confined to
 * the DuckDB thread.
 */
final class DuckDbEventWriter implements AutoCloseable {
  static final Set<String> FIXED_COLUMNS =
      Set.of("source", "file_id", "offset", "time", "host", "path", "schema_id", "append_seq");
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbEventWriter.class);
  /**
   * Saving the ranges costs a third of an append; rows since the last save are folded back
   * into the ranges when the store opens, so saving once a second (and on close) is enough.
   */
  private static final long SAVE_RANGES_EVERY_MILLIS = 1_000;

  private final DuckDBConnection connection;
  private final EventColumns columns;
  private final EventSchemas schemas;
  private final Map<String, OffsetRanges> stored = new HashMap<>();
  private final Set<String> unsaved = new HashSet<>();
  private final PreparedStatement saveRanges;
  private final PreparedStatement saveThrough;
  private DuckDBAppender appender;
  private long appendSeq;
  private long rangesSavedAt;
  private Object[] row = new Object[0];

  DuckDbEventWriter(Connection connection, EventColumns columns, EventSchemas schemas)
      throws SQLException {
    this.connection = connection.unwrap(DuckDBConnection.class);
    this.columns = columns;
    this.schemas = schemas;
    this.saveRanges = connection.prepareStatement(
        "INSERT OR REPLACE INTO stored_ranges (source, file_id, ranges) VALUES (?, ?, ?)");
    this.saveThrough = connection.prepareStatement(
        "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('ranges_through', ?)");
    loadRanges();
  }

  private void loadRanges() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT source, file_id, ranges FROM stored_ranges")) {
      while (rows.next()) {
        stored.put(key(rows.getString(1), rows.getString(2)), OffsetRanges.parse(rows.getString(3)));
      }
    }
    long through = Sql.singleLong(connection,
        "SELECT coalesce(max(value), 0) FROM store_meta WHERE key = 'ranges_through'");
    long last = Sql.singleLong(connection, "SELECT coalesce(max(append_seq), 0) FROM events");
    appendSeq = Math.max(through, last);
    if (last > through) {
      int folded = foldRowsIntoRanges("append_seq > " + through);
      LOG.info("Recovered the stored ranges of {} events appended after the last saved ranges", folded);
      saveUnsavedRanges();
    }
  }

  /** How many events of each batch were new; they are stored when this returns. */
  List<Integer> append(List<EventBatch> batches, long now) throws SQLException {
    prepareColumns(batches);
    long seq = ++appendSeq;
    Map<String, OffsetRanges> touched = new HashMap<>();
    List<Integer> counts = new ArrayList<>(batches.size());
    try {
      if (appender == null) {
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events");
      }
      for (EventBatch batch : batches) {
        counts.add(appendNew(batch, touched, seq, now));
      }
      appender.flush();
    } catch (SQLException | RuntimeException e) {
      // Some rows may have been written before the failure: learn which from the rows.
      closeAppender();
      foldRowsIntoRanges("append_seq = " + seq);
      throw e;
    }
    stored.putAll(touched);
    unsaved.addAll(touched.keySet());
    if (now - rangesSavedAt >= SAVE_RANGES_EVERY_MILLIS) {
      saveUnsavedRanges();
      rangesSavedAt = now;
    }
    return counts;
  }

  /** Adds the columns and schema ids the batches need, before any row is appended. */
  private void prepareColumns(List<EventBatch> batches) throws SQLException {
    boolean added = false;
    for (EventBatch batch : batches) {
      for (LogEvent e : batch.events()) {
        FieldSchema schema = e.schema();
        schemas.idOf(schema);
        for (int i = 0; i < schema.size(); i++) {
          Object v = e.value(i);
          if (v != null && columns.find(schema, i, ValueKind.of(v)) == null) {
            if (columns.hasRoom()) {
              columns.add(schema.name(i), ValueKind.of(v));
              added = true;
            } else if (columns.extra() == null) {
              columns.addExtra();
              added = true;
            }
          }
        }
      }
    }
    if (added) {
      closeAppender(); // an Appender knows the columns the table had when it was made
    }
    if (row.length != columns.all().size()) {
      row = new Object[columns.all().size()];
    }
  }

  private int appendNew(EventBatch batch, Map<String, OffsetRanges> touched, long seq, long now)
      throws SQLException {
    SourceOrigin origin = batch.origin();
    String key = key(origin.sourceId(), origin.fileId());
    OffsetRanges ranges = touched.get(key);
    if (ranges == null) {
      OffsetRanges known = stored.get(key);
      ranges = known == null ? new OffsetRanges() : known.copy();
      touched.put(key, ranges);
    }
    List<LogEvent> fresh = ranges.takeNew(batch.events(), batch.startOffset(), batch.endOffset());
    for (LogEvent event : fresh) {
      appendRow(origin, event, seq, now);
    }
    return fresh.size();
  }

  private void appendRow(SourceOrigin origin, LogEvent event, long seq, long now)
      throws SQLException {
    FieldSchema schema = event.schema();
    Arrays.fill(row, null);
    List<String> extraNames = null;
    List<Object> extraValues = null;
    for (int i = 0; i < schema.size(); i++) {
      Object v = event.value(i);
      if (v == null) {
        continue;
      }
      EventColumns.Column c = columns.find(schema, i, ValueKind.of(v));
      if (c != null) {
        row[c.index()] = v;
      } else {
        if (extraNames == null) {
          extraNames = new ArrayList<>();
          extraValues = new ArrayList<>();
        }
        extraNames.add(schema.name(i));
        extraValues.add(v);
      }
    }
    if (extraNames != null) {
      row[columns.extra().index()] = FieldsJson.write(extraNames, extraValues);
    }
    row[columns.line().index()] = event.line();
    appender.beginRow()
        .append(event.source())
        .append(origin.fileId())
        .append(event.offset())
        .appendEpochMillis(event.time() == LogEvent.NO_TIME ? now : event.time())
        .append(origin.host())
        .append(origin.path())
        .append(schemas.idOf(schema))
        .append(seq);
    for (EventColumns.Column c : columns.all()) {
      appendValue(row[c.index()], c.kind());
    }
    appender.endRow();
  }

  private void appendValue(Object v, ValueKind kind) throws SQLException {
    if (v == null) {
      appender.appendNull();
      return;
    }
    switch (kind) {
      case TEXT -> appender.append(v.toString());
      case INTEGER -> appender.append(((Number) v).longValue());
      case NUMBER -> appender.append(((Number) v).doubleValue());
      case BOOLEAN -> appender.append((boolean) (Boolean) v);
      case INSTANT -> appender.appendEpochMillis(((Instant) v).toEpochMilli());
      case LIST -> appender.append(FieldsJson.writeList((List<?>) v));
      case EXTRA, LINE -> appender.append((String) v);
    }
  }

  /** Adds the offsets of stored rows matching {@code where} to the ranges; returns how many. */
  private int foldRowsIntoRanges(String where) throws SQLException {
    int n = 0;
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(
            "SELECT source, file_id, \"offset\" FROM events WHERE " + where)) {
      while (rows.next()) {
        String key = key(rows.getString(1), rows.getString(2));
        long offset = rows.getLong(3);
        stored.computeIfAbsent(key, k -> new OffsetRanges()).add(offset, offset + 1);
        unsaved.add(key);
        n++;
      }
    }
    return n;
  }

  /**
   * Saves the ranges that changed, and up to which append they are complete. A failure here
   * loses nothing: the rows are stored and the ranges are rebuilt from them when needed.
   */
  private void saveUnsavedRanges() {
    try {
      Sql.inTransaction(connection, () -> {
        for (String key : unsaved) {
          int split = key.indexOf('\u0000');
          saveRanges.setString(1, key.substring(0, split));
          saveRanges.setString(2, key.substring(split + 1));
          saveRanges.setString(3, stored.get(key).toString());
          saveRanges.addBatch();
        }
        saveRanges.executeBatch();
        saveThrough.setLong(1, appendSeq);
        saveThrough.executeUpdate();
        return null;
      });
      unsaved.clear();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Saving stored ranges failed (they are rebuilt from the rows): {}", e.toString());
    }
  }

  private static String key(String source, String fileId) {
    return source + '\u0000' + fileId;
  }

  private void closeAppender() {
    try {
      if (appender != null) {
        appender.close();
      }
    } catch (SQLException ignored) {
      // Already broken; nothing more to release.
    }
    appender = null;
  }

  @Override
  public void close() throws SQLException {
    closeAppender();
    saveUnsavedRanges();
    saveRanges.close();
    saveThrough.close();
  }
}
