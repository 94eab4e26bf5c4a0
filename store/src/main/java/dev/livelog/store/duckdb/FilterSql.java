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
    if (c instanceof Condition.AnyTry any) {
      return anyTry(field, any.condition());
    }
    if (c instanceof Condition.AtLeastTries at) {
      return fields.tries(field) + " >= " + at.tries();
    }
    return condition(new Operand(fields.text(field), fields.number(field), fields.present(field), field), c);
  }

  /**
   * A list's entries one by one (each try's own value: {@link FieldSql#tryTexts}), any other
   * value as it is.
   */
  private String anyTry(String field, Condition each) {
    String whole = condition(field, each);
    if (!fields.mayList(field)) {
      return whole;
    }
    String tries = fields.tryTexts(field);
    return "(CASE WHEN " + tries + " IS NOT NULL THEN EXISTS (SELECT 1 FROM unnest(" + tries
        + ") AS entries(entry) WHERE COALESCE(" + condition(Operand.ENTRY, each) + ", false))"
        + " ELSE " + whole + " END)";
  }

  private String condition(Operand value, Condition c) {
    if (c instanceof Condition.Equals e) {
      return equalsTo(value, e.value());
    }
    if (c instanceof Condition.In in) {
      List<String> options = new ArrayList<>();
      in.values().forEach(v -> options.add(equalsTo(value, v)));
      return options.isEmpty() ? "false" : "(" + String.join(" OR ", options) + ")";
    }
    if (c instanceof Condition.Regex r) {
      return "regexp_matches(" + value.text() + ", " + FieldSql.literal(r.pattern()) + ")";
    }
    if (c instanceof Condition.Range r) {
      String n = value.number();
      return "(" + (r.min() == null ? "true" : n + " >= " + r.min()) + " AND "
          + (r.max() == null ? "true" : n + " <= " + r.max()) + ")";
    }
    if (c instanceof Condition.Present p) {
      return p.present() ? value.present() : "NOT " + value.present();
    }
    if (c instanceof Condition.Not n) {
      return "NOT COALESCE(" + condition(value, n.condition()) + ", false)";
    }
    if (!(c instanceof Condition.All every)) {
      throw new IllegalArgumentException("a condition on the tries, not on one value: " + c);
    }
    List<String> all = new ArrayList<>();
    every.conditions().forEach(x -> all.add("COALESCE(" + condition(value, x) + ", false)"));
    return "(" + String.join(" AND ", all) + ")";
  }

  /**
   * Equal as text, or numerically to a number; a field's list (per-try values) when one of its
   * entries is, as live filters read it.
   */
  private String equalsTo(Operand value, Object expected) {
    String text = FieldSql.literal(FieldValues.toText(expected));
    String one = value.text() + " = " + text;
    if (expected instanceof Number n) {
      one = value.number() + " = " + n.doubleValue() + " OR " + one;
    }
    if (value.field() == null || !fields.mayList(value.field())) {
      return "(" + one + ")";
    }
    String entry = "list_contains(" + fields.tryTexts(value.field()) + ", " + text + ")";
    if (expected instanceof Number n) {
      entry = "list_contains(" + fields.tryNumbers(value.field()) + ", " + n.doubleValue() + ") OR " + entry;
    }
    return "(CASE WHEN " + fields.tryTexts(value.field()) + " IS NULL THEN (" + one
        + ") ELSE COALESCE(" + entry + ", false) END)";
  }

  /**
   * What a condition reads of a value: its text (absent: empty), its number, its presence; the
   * field it is, or null for an entry of a list of tries.
   */
  private record Operand(String text, String number, String present, String field) {
    /** An entry of a list of tries, {@code entry} in {@link #anyTry}'s subquery ({@code -}: NULL). */
    static final Operand ENTRY = new Operand("COALESCE(entry, '')", "TRY_CAST(entry AS DOUBLE)",
        "entry IS NOT NULL", null);
  }
}
