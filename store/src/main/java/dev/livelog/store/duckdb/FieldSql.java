package dev.livelog.store.duckdb;

import dev.livelog.common.event.FieldRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * SQL expressions for a field over its typed columns (one per value kind it has had) and, once
 * there is one, the {@code extra} column of fields past the column cap (a JSON object read by
 * JSON pointer): its text as livelog shows it (absent: empty text), and its numeric value (a
 * list counts as its total, text as the number it spells; otherwise NULL). {@code source}
 * without a field of that name is the event's source id, as in live filters
 * ({@link dev.livelog.common.event.FieldRef#SOURCE}). Used on the DuckDB thread only.
 */
final class FieldSql {
  private final EventColumns columns;

  FieldSql(EventColumns columns) {
    this.columns = columns;
  }

  String text(String field) {
    List<String> parts = new ArrayList<>();
    columns.of(field).forEach(c -> parts.add(textOf(c)));
    inExtra(field, (extra, at) -> parts.add("CASE json_type(" + extra + ", " + at + ")"
        + " WHEN 'DOUBLE' THEN " + numberText("CAST(json_extract(" + extra + ", " + at + ") AS DOUBLE)")
        + " WHEN 'OBJECT' THEN json_extract_string(" + extra + ", " + at + " || '/" + FieldsJson.INSTANT_TAG + "')"
        + " ELSE json_extract_string(" + extra + ", " + at + ") END"));
    if (FieldRef.SOURCE.equals(field)) {
      parts.add("source"); // the source's id, for lines without a field of that name
    }
    return parts.isEmpty() ? "''" : "COALESCE(" + String.join(", ", parts) + ", '')";
  }

  String number(String field) {
    List<String> parts = new ArrayList<>();
    columns.of(field).forEach(c -> parts.add(numberOf(c)));
    inExtra(field, (extra, at) -> parts.add("CASE json_type(" + extra + ", " + at + ")"
        + " WHEN 'ARRAY' THEN list_sum(TRY_CAST(json_extract(json_extract(" + extra + ", " + at
        + "), '$[*]') AS DOUBLE[]))"
        + " WHEN 'OBJECT' THEN TRY_CAST(json_extract_string(" + extra + ", " + at + " || '/"
        + FieldsJson.DOUBLE_TAG + "') AS DOUBLE)"
        + " WHEN 'BOOLEAN' THEN CAST(NULL AS DOUBLE)"
        + " ELSE TRY_CAST(json_extract_string(" + extra + ", " + at + ") AS DOUBLE) END"));
    if (FieldRef.SOURCE.equals(field)) {
      parts.add("TRY_CAST(source AS DOUBLE)");
    }
    return parts.isEmpty() ? "CAST(NULL AS DOUBLE)"
        : "COALESCE(" + String.join(", ", parts) + ", CAST(NULL AS DOUBLE))";
  }

  String present(String field) {
    List<String> parts = new ArrayList<>();
    columns.of(field).forEach(c -> parts.add(c.quoted() + " IS NOT NULL"));
    inExtra(field, (extra, at) -> parts.add("json_extract(" + extra + ", " + at + ") IS NOT NULL"));
    if (FieldRef.SOURCE.equals(field)) {
      return "true";
    }
    return parts.isEmpty() ? "false" : "(" + String.join(" OR ", parts) + ")";
  }

  /**
   * The entries of the field's list values (nginx's per-try upstream variables) as a
   * {@code VARCHAR[]}, a {@code -} entry NULL; NULL where the value is not a list.
   */
  String tryTexts(String field) {
    return overLists(field, json -> "CAST(json_extract_string(" + json + ", '$[*]') AS VARCHAR[])");
  }

  /** The same as {@code DOUBLE[]}: numbers, numeric text, NULL for any other entry. */
  String tryNumbers(String field) {
    return overLists(field, json -> "TRY_CAST(json_extract(" + json + ", '$[*]') AS DOUBLE[])");
  }

  /** How many tries the field lists: a list's entries, 1 for a single value, NULL when absent. */
  String tries(String field) {
    String lists = overLists(field, json -> "json_array_length(" + json + ")");
    return "CAST(COALESCE(" + lists + ", CASE WHEN " + present(field) + " THEN 1 END) AS DOUBLE)";
  }

  /** Whether some of the field's values may be lists (a list column, or the extra column). */
  boolean mayList(String field) {
    return columns.extra() != null
        || columns.of(field).stream().anyMatch(c -> c.kind() == ValueKind.LIST);
  }

  /** {@code ofJson} over the field's list values (JSON arrays), NULL where there is none. */
  private String overLists(String field, UnaryOperator<String> ofJson) {
    List<String> parts = new ArrayList<>();
    columns.of(field).stream().filter(c -> c.kind() == ValueKind.LIST)
        .forEach(c -> parts.add(ofJson.apply(c.quoted())));
    inExtra(field, (extra, at) -> parts.add("CASE WHEN json_type(" + extra + ", " + at
        + ") = 'ARRAY' THEN " + ofJson.apply("json_extract(" + extra + ", " + at + ")") + " END"));
    return parts.isEmpty() ? "NULL" : parts.size() == 1 ? parts.get(0)
        : "COALESCE(" + String.join(", ", parts) + ")";
  }

  /** Adds the field's expression over the extra column, when there is one. */
  private void inExtra(String field, BiConsumer<String, String> expression) {
    EventColumns.Column extra = columns.extra();
    if (extra != null) {
      expression.accept(extra.quoted(), literal(pointer(field)));
    }
  }

  /** The JSON pointer (RFC 6901) of a top-level key: any key, dots and slashes included. */
  static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static String textOf(EventColumns.Column c) {
    String col = c.quoted();
    return switch (c.kind()) {
      case TEXT, LIST -> col;
      case INTEGER, BOOLEAN -> "CAST(" + col + " AS VARCHAR)";
      case NUMBER -> numberText(col);
      case INSTANT -> "strftime(" + col + ", '%Y-%m-%dT%H:%M:%S.%gZ')";
      case EXTRA, LINE -> throw new IllegalArgumentException("the " + c.name() + " column is not a field's");
    };
  }

  /** A double as Java prints it: 200.0 is "200", 0.5 is "0.5". */
  private static String numberText(String value) {
    return "CASE WHEN " + value + " = trunc(" + value + ") AND abs(" + value + ") < 1e15 THEN CAST(CAST("
        + value + " AS BIGINT) AS VARCHAR) ELSE CAST(" + value + " AS VARCHAR) END";
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
      case EXTRA, LINE -> throw new IllegalArgumentException("the " + c.name() + " column is not a field's");
    };
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
