package dev.livelog.store.duckdb;

import dev.livelog.common.event.FieldValues;
import dev.livelog.common.where.Condition;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Filter} as a SQL condition with the semantics of live filtering: text compares as
 * text, a number numerically; a list equals a value one of its entries equals; an absent
 * field is empty text; regexes are matched anywhere
 * (DuckDB uses RE2, which has the common syntax of Java's regexes but no look-around).
 */
final class FilterSql {
  private final FieldSql fields;

  FilterSql(FieldSql fields) {
    this.fields = fields;
  }

  String of(Filter filter) {
    if (filter.isEmpty()) {
      return "true";
    }
    List<String> parts = new ArrayList<>();
    for (FieldCondition c : filter.conditions()) {
      parts.add("COALESCE(" + condition(c.field(), c.condition()) + ", false)");
    }
    return "(" + String.join(filter.any() ? " OR " : " AND ", parts) + ")";
  }

  private String condition(String field, Condition c) {
    if (c instanceof Condition.Equals e) {
      return equalsTo(field, e.value());
    }
    if (c instanceof Condition.In in) {
      List<String> options = new ArrayList<>();
      in.values().forEach(v -> options.add(equalsTo(field, v)));
      return options.isEmpty() ? "false" : "(" + String.join(" OR ", options) + ")";
    }
    if (c instanceof Condition.Regex r) {
      return "regexp_matches(" + fields.text(field) + ", " + FieldSql.literal(r.pattern()) + ")";
    }
    if (c instanceof Condition.Range r) {
      String n = fields.number(field);
      return "(" + (r.min() == null ? "true" : n + " >= " + r.min()) + " AND "
          + (r.max() == null ? "true" : n + " <= " + r.max()) + ")";
    }
    if (c instanceof Condition.Present p) {
      return p.present() ? fields.present(field) : "NOT " + fields.present(field);
    }
    if (c instanceof Condition.Not n) {
      return "NOT COALESCE(" + condition(field, n.condition()) + ", false)";
    }
    List<String> all = new ArrayList<>();
    ((Condition.All) c).conditions().forEach(x -> all.add("COALESCE(" + condition(field, x) + ", false)"));
    return "(" + String.join(" AND ", all) + ")";
  }

  /**
   * Equal as text, or numerically to a number; a list (per-try values) when one of its entries
   * is, as live filters read it.
   */
  private String equalsTo(String field, Object expected) {
    String text = FieldSql.literal(FieldValues.toText(expected));
    String one = fields.text(field) + " = " + text;
    String entry = "list_contains(" + fields.tryTexts(field) + ", " + text + ")";
    if (expected instanceof Number n) {
      one = fields.number(field) + " = " + n.doubleValue() + " OR " + one;
      entry = "list_contains(" + fields.tryNumbers(field) + ", " + n.doubleValue() + ") OR " + entry;
    }
    return fields.mayList(field) ? "(CASE WHEN " + fields.tryTexts(field) + " IS NULL THEN (" + one
        + ") ELSE COALESCE(" + entry + ", false) END)" : "(" + one + ")";
  }
}
