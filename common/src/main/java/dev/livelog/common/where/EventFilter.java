package dev.livelog.common.where;

import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A compiled {@code where:} clause ({@link Filter}) tested on live events. Values compare as
 * text, numbers numerically: {@code media: 0} and {@code media: "0"} mean the same. An absent
 * field is the empty text, so {@code wp_login: {regex: '^\s*$'}} matches requests without a
 * login cookie, as in the seed.
 */
public final class EventFilter {
  private static final EventFilter ALL = new EventFilter(new FieldRef[0], List.of(), false);

  private final FieldRef[] fields;
  private final Predicate<Object>[] tests;
  private final boolean any;

  @SuppressWarnings("unchecked")
  private EventFilter(FieldRef[] fields, List<Predicate<Object>> tests, boolean any) {
    this.fields = fields;
    this.tests = tests.toArray(Predicate[]::new);
    this.any = any;
  }

  public boolean test(LogEvent event) {
    for (int i = 0; i < fields.length; i++) {
      boolean ok = tests[i].test(fields[i].get(event));
      if (ok == any) {
        return any;
      }
    }
    return !any || fields.length == 0;
  }

  /** The filter of the config's {@code where:} clauses: regexes as {@code java.util.regex} runs them. */
  public static EventFilter compile(Filter filter) {
    return compile(filter, JAVA_REGEX);
  }

  /**
   * The filter of a {@code where} that came from outside (a page's live tail), whose regexes
   * run on RE2/J: in time linear in the text, whatever the pattern, so no pattern can hold a
   * thread for long (RE2's syntax: no look-around or back-references, as DuckDB's regexes).
   *
   * @throws IllegalArgumentException when a regex is not in RE2's syntax, saying which
   */
  public static EventFilter compileLinear(Filter filter) {
    return compile(filter, EventFilter::linearRegex);
  }

  private static final Function<String, Predicate<String>> JAVA_REGEX = pattern -> {
    Pattern p = Pattern.compile(pattern);
    return text -> p.matcher(text).find();
  };

  private static Predicate<String> linearRegex(String pattern) {
    try {
      com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(pattern);
      return text -> p.matcher(text).find();
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new IllegalArgumentException("regex '" + pattern + "' is not in RE2's syntax (no"
          + " look-around or back-references): " + e.getDescription());
    }
  }

  private static EventFilter compile(Filter filter, Function<String, Predicate<String>> regex) {
    if (filter.isEmpty()) {
      return ALL;
    }
    List<FieldCondition> conditions = filter.conditions();
    return new EventFilter(conditions.stream().map(c -> new FieldRef(c.field())).toArray(FieldRef[]::new),
        conditions.stream().map(c -> predicate(c.condition(), regex)).toList(), filter.any());
  }

  static Predicate<Object> predicate(Condition condition) {
    return predicate(condition, JAVA_REGEX);
  }

  private static Predicate<Object> predicate(Condition condition,
      Function<String, Predicate<String>> regex) {
    if (condition instanceof Condition.Equals e) {
      return equalsTo(e.value());
    }
    if (condition instanceof Condition.In in) {
      List<Predicate<Object>> options = in.values().stream().map(EventFilter::equalsTo).toList();
      return v -> options.stream().anyMatch(o -> o.test(v));
    }
    if (condition instanceof Condition.Regex r) {
      Predicate<String> found = regex.apply(r.pattern());
      return v -> found.test(FieldValues.toText(v));
    }
    if (condition instanceof Condition.Range r) {
      return v -> {
        double d = FieldValues.toDouble(v);
        return (r.min() == null || d >= r.min()) && (r.max() == null || d <= r.max());
      };
    }
    if (condition instanceof Condition.Present p) {
      return v -> (v != null) == p.present();
    }
    if (condition instanceof Condition.Not n) {
      return predicate(n.condition(), regex).negate();
    }
    if (condition instanceof Condition.AnyTry any) {
      Predicate<Object> each = predicate(any.condition(), regex);
      return v -> v instanceof List<?> tries ? tries.stream().anyMatch(each) : each.test(v);
    }
    if (condition instanceof Condition.AtLeastTries at) {
      return v -> FieldValues.tries(v) >= at.tries();
    }
    List<Predicate<Object>> each = ((Condition.All) condition).conditions().stream()
        .map(c -> predicate(c, regex)).toList();
    return v -> each.stream().allMatch(c -> c.test(v));
  }

  /**
   * Equal to {@code expected}: numbers numerically, else as text; a list (nginx's per-try
   * {@code $upstream_addr}) when one of its entries is, as the stores read it, so that a
   * server's series of tries and the filter of its events agree.
   */
  private static Predicate<Object> equalsTo(Object expected) {
    Predicate<Object> one = oneEqualTo(expected);
    return v -> v instanceof List<?> tries ? tries.stream().anyMatch(one) : one.test(v);
  }

  private static Predicate<Object> oneEqualTo(Object expected) {
    String text = FieldValues.toText(expected);
    if (expected instanceof Number n) {
      double number = n.doubleValue();
      return v -> v instanceof Number x ? x.doubleValue() == number : text.equals(FieldValues.toText(v));
    }
    return v -> text.equals(FieldValues.toText(v));
  }
}
