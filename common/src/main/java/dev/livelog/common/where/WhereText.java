package dev.livelog.common.where;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The where-language as a person types it in a filter box or a URL: conditions on fields,
 * joined by {@code and} (all) or {@code or} (any), read into the same {@link Filter} as the
 * config's {@code where:} mappings, so the analyzer, both stores and the live tail understand
 * it alike.
 *
 * <pre>
 *   status >= 500                  numbers: = != &lt; &lt;= &gt; &gt;=
 *   cache: MISS                    ':' and '=' are equals: as text, numbers numerically
 *   path ~ ^/api  and  path !~ \.png$     regex found somewhere (!~: not found)
 *   host in (a.example, b.example)        any of the values
 *   upstream_addr exists           present ('missing': absent)
 *   not method = GET               the condition negated
 *   ua ~ "Mozilla/5.0 \(X11"       a quoted value may hold blanks; \" and \\ inside
 * </pre>
 *
 * A field may be written with nginx's {@code $} ({@code $host} is {@code host}); {@code source}
 * is the id of the source the line came from. The text and the number of conditions are
 * bounded (a filter comes from outside); every mistake is an {@link IllegalArgumentException}
 * saying where in the text and what was expected.
 */
public final class WhereText {
  /** Longer filters are refused: a person types a few conditions. */
  public static final int MAX_LENGTH = 2000;
  public static final int MAX_CONDITIONS = 32;
  public static final int MAX_VALUES = 100;
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@-]*");
  private static final String OPERATORS = "=, :, !=, <, <=, >, >=, ~, !~, in, exists or missing";

  private final String text;
  private int at;

  private WhereText(String text) {
    this.text = text;
  }

  /** The filter {@code text} writes; blank text is {@link Filter#ALL}. */
  public static Filter parse(String text) {
    if (text == null || text.isBlank()) {
      return Filter.ALL;
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is " + text.length() + " characters long, at most "
          + MAX_LENGTH + " are read");
    }
    return new WhereText(text).filter();
  }

  /**
   * A field name as a person writes it ({@code host}, {@code $host}, {@code k8s.pod}), without
   * nginx's {@code $}.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static String fieldName(String text) {
    String name = text == null ? "" : text.strip();
    name = name.startsWith("$") ? name.substring(1) : name;
    if (!FIELD.matcher(name).matches() || name.length() > 200) {
      throw new IllegalArgumentException("must be a field name (letters, digits, '_', '.', '-',"
          + " e.g. host or $host), got '" + text + "'");
    }
    return name;
  }

  private Filter filter() {
    List<FieldCondition> conditions = new ArrayList<>();
    String joiner = null;
    conditions.add(condition());
    while (more()) {
      int start = at;
      String word = word();
      String join = word.toLowerCase(java.util.Locale.ROOT);
      if (!join.equals("and") && !join.equals("or")) {
        throw error(start, "expected 'and' or 'or' between conditions, got '" + word + "'");
      }
      if (joiner != null && !joiner.equals(join)) {
        throw error(start, "use either 'and' or 'or' between all the conditions, not both");
      }
      joiner = join;
      if (conditions.size() == MAX_CONDITIONS) {
        throw error(start, "at most " + MAX_CONDITIONS + " conditions");
      }
      conditions.add(condition());
    }
    return new Filter(conditions, "or".equals(joiner));
  }

  private FieldCondition condition() {
    skipBlanks();
    int start = at;
    String first = word();
    boolean negated = first.equalsIgnoreCase("not");
    if (negated) {
      skipBlanks();
      start = at;
      first = word();
    }
    if (first.isEmpty()) {
      throw error(start, "expected a field name");
    }
    String field;
    try {
      field = fieldName(first);
    } catch (IllegalArgumentException e) {
      throw error(start, "expected a field name, got '" + first + "'");
    }
    Condition condition = operation(field);
    return new FieldCondition(field, negated ? new Condition.Not(condition) : condition);
  }

  private Condition operation(String field) {
    skipBlanks();
    int start = at;
    String op = operator();
    return switch (op) {
      case "=", ":" -> new Condition.Equals(value(op));
      case "!=" -> new Condition.Not(new Condition.Equals(value(op)));
      case ">=" -> new Condition.Range(number(op), null);
      case "<=" -> new Condition.Range(null, number(op));
      case ">" -> above(number(op));
      case "<" -> below(number(op));
      case "~" -> regex();
      case "!~" -> new Condition.Not(regex());
      case "in" -> new Condition.In(list());
      case "exists" -> new Condition.Present(true);
      case "missing" -> new Condition.Present(false);
      default -> throw error(start, "expected an operator after '" + field + "': " + OPERATORS
          + (op.isEmpty() ? "" : "; got '" + op + "'"));
    };
  }

  private static Condition above(double bound) {
    return ConditionParser.strict(bound, new Condition.Range(bound, null));
  }

  private static Condition below(double bound) {
    return ConditionParser.strict(bound, new Condition.Range(null, bound));
  }

  private String operator() {
    if (atEnd()) {
      return "";
    }
    for (String op : new String[] {"!=", ">=", "<=", "!~", "=", ":", "<", ">", "~"}) {
      if (text.startsWith(op, at)) {
        at += op.length();
        return op;
      }
    }
    int start = at;
    String word = word().toLowerCase(java.util.Locale.ROOT);
    if (word.equals("in") || word.equals("exists") || word.equals("missing")) {
      return word;
    }
    at = start;
    return word.isEmpty() ? String.valueOf(text.charAt(at)) : word;
  }

  private Object value(String op) {
    skipBlanks();
    int start = at;
    if (atEnd()) {
      throw error(start, "expected a value after '" + op + "'");
    }
    char c = text.charAt(at);
    if (c == '"' || c == '\'') {
      return quoted(c);
    }
    return typed(bare());
  }

  private double number(String op) {
    skipBlanks();
    int start = at;
    Object value = value(op);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      double number = Double.parseDouble(String.valueOf(value));
      if (Double.isFinite(number)) {
        return number; // NaN and Infinity (which Java reads) are no bound a store can compare to
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw error(start, "'" + op + "' compares numbers, got '" + value + "'");
  }

  private Condition regex() {
    skipBlanks();
    int start = at;
    String pattern = String.valueOf(value("~"));
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw error(start, "invalid regex '" + pattern + "': " + e.getDescription()
          + " near character " + e.getIndex());
    }
    return new Condition.Regex(pattern);
  }

  private List<Object> list() {
    skipBlanks();
    if (atEnd() || text.charAt(at) != '(') {
      throw error(at, "expected '(' and a list of values after 'in', e.g. in (500, 502)");
    }
    at++;
    List<Object> values = new ArrayList<>();
    for (;;) {
      skipBlanks();
      if (!atEnd() && text.charAt(at) == ')' && values.isEmpty()) {
        throw error(at, "the list after 'in' is empty");
      }
      if (values.size() == MAX_VALUES) {
        throw error(at, "at most " + MAX_VALUES + " values after 'in'");
      }
      values.add(listValue());
      skipBlanks();
      if (atEnd()) {
        throw error(at, "expected ')' to end the list after 'in'");
      }
      char c = text.charAt(at++);
      if (c == ')') {
        return values;
      }
      if (c != ',') {
        throw error(at - 1, "expected ',' or ')' in the list after 'in'");
      }
    }
  }

  private Object listValue() {
    if (atEnd()) {
      throw error(at, "expected a value in the list after 'in'");
    }
    char c = text.charAt(at);
    if (c == '"' || c == '\'') {
      return quoted(c);
    }
    int start = at;
    while (!atEnd() && ",)".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    if (start == at) {
      throw error(start, "expected a value in the list after 'in'");
    }
    return typed(text.substring(start, at));
  }

  private String quoted(char quote) {
    int start = at++;
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(at++);
      if (c == quote) {
        return out.toString();
      }
      if (c == '\\' && !atEnd() && (text.charAt(at) == quote || text.charAt(at) == '\\')) {
        c = text.charAt(at++);
      }
      out.append(c);
    }
    throw error(start, "the quoted value is not closed (" + quote + ")");
  }

  /** A value as written: a whole number, a decimal number, else text. */
  private static Object typed(String bare) {
    if (bare.matches("-?\\d{1,18}")) {
      return Long.parseLong(bare);
    }
    if (bare.matches("-?\\d+\\.\\d+")) {
      double number = Double.parseDouble(bare);
      return Double.isFinite(number) ? number : bare; // too many digits for a double: as text
    }
    return bare;
  }

  private String bare() {
    int start = at;
    while (!atEnd() && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return text.substring(start, at);
  }

  /** A name, a keyword or nothing: letters, digits and the characters of field names. */
  private String word() {
    skipBlanks();
    int start = at;
    if (!atEnd() && text.charAt(at) == '$') {
      at++;
    }
    while (!atEnd() && (Character.isLetterOrDigit(text.charAt(at)) || "_.@-".indexOf(text.charAt(at)) >= 0)) {
      at++;
    }
    return text.substring(start, at);
  }

  private void skipBlanks() {
    while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean atEnd() {
    return at >= text.length();
  }

  /** Whether anything but blanks is left (skipping them). */
  private boolean more() {
    skipBlanks();
    return !atEnd();
  }

  private IllegalArgumentException error(int position, String message) {
    return new IllegalArgumentException(message + " (at character " + (position + 1) + " of '"
        + text + "')");
  }
}
