package dev.livelog.common.where;

import dev.livelog.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@code where:} clause of the config: a value (equals), a list (in), or a mapping of
 * {@code regex}, {@code in}, {@code not}, {@code min} or {@code ge}, {@code max} or {@code le}
 * (inclusive), {@code lt}, {@code gt} (strict), {@code present} and {@code equals}. Mistakes become {@link ConfigException}s naming the key.
 */
public final class ConditionParser {
  private ConditionParser() {}

  public static Filter parse(Map<String, Object> where, String match) {
    if (!"all".equals(match) && !"any".equals(match)) {
      throw new ConfigException("match", "must be 'all' or 'any', got '" + match + "'");
    }
    List<FieldCondition> out = new ArrayList<>();
    where.forEach((field, spec) -> {
      try {
        out.add(new FieldCondition(field, condition(spec)));
      } catch (ConfigException e) {
        throw e.under("where." + field);
      }
    });
    return new Filter(out, "any".equals(match));
  }

  private static Condition condition(Object spec) {
    if (spec instanceof List<?> list) {
      return new Condition.In(list.stream().map(ConditionParser::scalar).toList());
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
      return all.size() == 1 ? all.get(0) : new Condition.All(all);
    }
    return new Condition.Equals(scalar(spec));
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
      case "not" -> new Condition.Not(condition(arg));
      case "min", "ge" -> new Condition.Range(number(arg), null);
      case "max", "le" -> new Condition.Range(null, number(arg));
      case "lt" -> strict(number(arg), new Condition.Range(null, number(arg)));
      case "gt" -> strict(number(arg), new Condition.Range(number(arg), null));
      case "present" -> new Condition.Present(Boolean.parseBoolean(String.valueOf(arg)));
      case "equals" -> new Condition.Equals(scalar(arg));
      default -> throw new ConfigException("", "unknown condition '" + op
          + "'; use regex, in, not, min (ge), max (le), lt, gt, present or equals");
    };
  }

  /**
   * A strict bound: the inclusive {@code range} without the bound itself (as a range of one
   * number, which every store already translates).
   */
  static Condition strict(double bound, Condition range) {
    return new Condition.All(List.of(range, new Condition.Not(new Condition.Range(bound, bound))));
  }

  private static Condition regex(Object arg) {
    String pattern = String.valueOf(arg);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("", "invalid regex: " + e.getDescription() + " near character "
          + e.getIndex());
    }
    return new Condition.Regex(pattern);
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

  private static Object scalar(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new ConfigException("", "expected a value, got a "
          + (value instanceof Map<?, ?> ? "mapping" : "list"));
    }
    return value;
  }
}
