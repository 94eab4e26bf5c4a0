package dev.livelog.store.duckdb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL expressions for a field over its typed columns (one per value kind it has had): its text
 * as livelog shows it (absent: empty text), and its numeric value (a list counts as its total,
 * text as the number it spells; otherwise NULL). Used on the DuckDB thread only.
 */
final class FieldSql {
  private final EventColumns columns;

  FieldSql(EventColumns columns) {
    this.columns = columns;
  }

  String text(String field) {
    List<EventColumns.Column> cs = columns.of(field);
    if (cs.isEmpty()) {
      return "''";
    }
    return "COALESCE(" + cs.stream().map(FieldSql::textOf).collect(Collectors.joining(", ")) + ", '')";
  }

  String number(String field) {
    List<EventColumns.Column> cs = columns.of(field);
    if (cs.isEmpty()) {
      return "CAST(NULL AS DOUBLE)";
    }
    return "COALESCE(" + cs.stream().map(FieldSql::numberOf).collect(Collectors.joining(", "))
        + ", CAST(NULL AS DOUBLE))";
  }

  String present(String field) {
    List<EventColumns.Column> cs = columns.of(field);
    if (cs.isEmpty()) {
      return "false";
    }
    return "(" + cs.stream().map(c -> c.quoted() + " IS NOT NULL").collect(Collectors.joining(" OR ")) + ")";
  }

  private static String textOf(EventColumns.Column c) {
    String col = c.quoted();
    return switch (c.kind()) {
      case TEXT, LIST -> col;
      case INTEGER, BOOLEAN -> "CAST(" + col + " AS VARCHAR)";
      // As Java prints it: 200.0 is "200", 0.5 is "0.5".
      case NUMBER -> "CASE WHEN " + col + " = trunc(" + col + ") AND abs(" + col + ") < 1e15 THEN CAST(CAST("
          + col + " AS BIGINT) AS VARCHAR) ELSE CAST(" + col + " AS VARCHAR) END";
      case INSTANT -> "strftime(" + col + ", '%Y-%m-%dT%H:%M:%S.%gZ')";
    };
  }

  private static String numberOf(EventColumns.Column c) {
    String col = c.quoted();
    return switch (c.kind()) {
      case NUMBER -> col;
      case INTEGER -> "CAST(" + col + " AS DOUBLE)";
      case TEXT -> "TRY_CAST(" + col + " AS DOUBLE)";
      case INSTANT -> "CAST(epoch_ms(" + col + ") AS DOUBLE)";
      case LIST -> "list_sum(TRY_CAST(json_extract(" + col + ", '$[*]') AS DOUBLE[]))";
      case BOOLEAN -> "CAST(NULL AS DOUBLE)";
    };
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
