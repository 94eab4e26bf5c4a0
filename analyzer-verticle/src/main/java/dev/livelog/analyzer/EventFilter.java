package dev.livelog.analyzer;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code where:} clause: field conditions that must all hold (or any, with
 * {@code match: any}). A condition is a value (equals), a list (in), or a mapping of
 * {@code regex}, {@code in}, {@code not}, {@code min}, {@code max} (inclusive) and
 * {@code present}. Values compare as text, numbers numerically: {@code media: 0} and
 * {@code media: "0"} mean the same. An absent field is the empty text, so
 * {@code wp_login: {regex: '^\s*$'}} matches requests without a login cookie, as in the seed.
 */
public final class EventFilter {
  /** One field's test. */
  @FunctionalInterface
  interface Condition {
    boolean test(Object value);
  }

  private static final EventFilter ALL = new EventFilter(new FieldRef[0], new Condition[0], false);

  private final FieldRef[] fields;
  private final Condition[] conditions;
  private final boolean any;

  private EventFilter(FieldRef[] fields, Condition[] conditions, boolean any) {
    this.fields = fields;
    this.conditions = conditions;
    this.any = any;
  }

  public boolean test(LogEvent event) {
    for (int i = 0; i < fields.length; i++) {
      boolean ok = conditions[i].test(fields[i].get(event));
      if (ok == any) {
        return any;
      }
    }
    return !any || fields.length == 0;
  }

  /**
   * Compiles a where clause.
   *
   * @throws ConfigException naming the field path under {@code where} and the reason
   */
  public static EventFilter compile(Map<String, Object> where, String match) {
    if (!"all".equals(match) && !"any".equals(match)) {
      throw new ConfigException("match", "must be 'all' or 'any', got '" + match + "'");
    }
    if (where.isEmpty()) {
      return ALL;
    }
    List<FieldRef> refs = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    where.forEach((field, spec) -> {
      refs.add(new FieldRef(field));
      try {
        conditions.add(condition(spec));
      } catch (ConfigException e) {
        throw e.under("where." + field);
      }
    });
    return new EventFilter(refs.toArray(FieldRef[]::new), conditions.toArray(Condition[]::new),
        "any".equals(match));
  }

  private static Condition condition(Object spec) {
    if (spec instanceof List<?> list) {
      List<Condition> options = list.stream().map(EventFilter::equalsCondition).toList();
      return v -> options.stream().anyMatch(c -> c.test(v));
    }
    if (spec instanceof Map<?, ?> map) {
      List<Condition> all = new ArrayList<>();
      map.forEach((k, v) -> {
        try {
          all.add(operator(String.valueOf(k), v));
        } catch (ConfigException e) {
          throw e.under(String.valueOf(k));
        }
      });
      return v -> all.stream().allMatch(c -> c.test(v));
    }
    return equalsCondition(spec);
  }

  private static Condition operator(String op, Object arg) {
    return switch (op) {
      case "regex" -> regex(arg);
      case "in" -> {
        if (!(arg instanceof List<?>)) {
          throw new ConfigException("", "expected a list of values");
        }
        yield condition(arg);
      }
      case "not" -> {
        Condition inner = condition(arg);
        yield v -> !inner.test(v);
      }
      case "min" -> {
        double min = number(arg);
        yield v -> FieldValues.toDouble(v) >= min;
      }
      case "max" -> {
        double max = number(arg);
        yield v -> FieldValues.toDouble(v) <= max;
      }
      case "present" -> {
        boolean present = Boolean.parseBoolean(String.valueOf(arg));
        yield v -> (v != null) == present;
      }
      case "equals" -> equalsCondition(arg);
      default -> throw new ConfigException("", "unknown condition '" + op
          + "'; use regex, in, not, min, max, present or equals");
    };
  }

  private static Condition regex(Object arg) {
    try {
      Pattern p = Pattern.compile(String.valueOf(arg));
      return v -> p.matcher(FieldValues.toText(v)).find();
    } catch (PatternSyntaxException e) {
      throw new ConfigException("", "invalid regex: " + e.getDescription() + " near character "
          + e.getIndex());
    }
  }

  private static double number(Object arg) {
    if (arg instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(arg));
    } catch (NumberFormatException e) {
      throw new ConfigException("", "expected a number, got '" + arg + "'");
    }
  }

  private static Condition equalsCondition(Object expected) {
    if (expected instanceof Map<?, ?> || expected instanceof List<?>) {
      throw new ConfigException("", "expected a value, got a " + (expected instanceof Map<?, ?>
          ? "mapping" : "list"));
    }
    String text = FieldValues.toText(expected);
    double number = FieldValues.toDouble(expected);
    if (expected instanceof Number && !Double.isNaN(number)) {
      return v -> v instanceof Number n ? n.doubleValue() == number : text.equals(FieldValues.toText(v));
    }
    return v -> text.equals(FieldValues.toText(v));
  }
}
