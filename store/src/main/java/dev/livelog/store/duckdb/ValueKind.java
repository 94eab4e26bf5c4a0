package dev.livelog.store.duckdb;

import java.time.Instant;
import java.util.List;

/**
 * The kinds of field values and the DuckDB column type each is kept in. A field whose values
 * come in several kinds (a number here, a list there) gets one column per kind.
 */
enum ValueKind {
  TEXT("VARCHAR"),
  INTEGER("BIGINT"),
  NUMBER("DOUBLE"),
  BOOLEAN("BOOLEAN"),
  INSTANT("TIMESTAMP_MS"),
  /** A list, as JSON text that keeps its elements' types (see {@link FieldsJson}). */
  LIST("VARCHAR"),
  /**
   * Not a field's kind: the one column holding, as a {@link FieldsJson} object, a row's fields
   * that have no column of their own (past {@link EventColumns#MAX_FIELD_COLUMNS}).
   */
  EXTRA("VARCHAR"),
  /** Not a field's kind: the one column holding each row's line as its source read it. */
  LINE("VARCHAR");

  private final String sqlType;

  ValueKind(String sqlType) {
    this.sqlType = sqlType;
  }

  String sqlType() {
    return sqlType;
  }

  /** The kind of a present value; anything unexpected is kept as its text. */
  static ValueKind of(Object value) {
    if (value instanceof String) {
      return TEXT;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return INTEGER;
    }
    if (value instanceof Double || value instanceof Float) {
      return NUMBER;
    }
    if (value instanceof Boolean) {
      return BOOLEAN;
    }
    if (value instanceof Instant) {
      return INSTANT;
    }
    if (value instanceof List<?>) {
      return LIST;
    }
    return TEXT;
  }
}
