package dev.livelog.analyzer.metric;

import dev.livelog.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The keys an analyzer gives beyond the common ones, as its metric reads them: absent (or
 * null, or an empty list) means the metric's default; a value of the wrong type or outside its
 * range is a {@link ConfigException} naming the key.
 */
public final class MetricParameters {
  private final Map<String, Object> given;

  public MetricParameters(Map<String, Object> given) {
    this.given = given;
  }

  /** A whole number in {@code [min, max]}. */
  public int wholeNumber(String key, int byDefault, int min, int max) {
    Object value = given.get(key);
    if (value == null) {
      return byDefault;
    }
    double number = number(key, value, "a whole number");
    if (number != Math.rint(number)) {
      throw new ConfigException(key, "expected a whole number, got '" + value + "'");
    }
    if (number < min || number > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max);
    }
    return (int) number;
  }

  /** The value as written (null when absent), for a metric to read in its own way. */
  public Object raw(String key) {
    return given.get(key);
  }

  /** A number. */
  public double number(String key, double byDefault) {
    Object value = given.get(key);
    return value == null ? byDefault : number(key, value, "a number");
  }

  /** A list of numbers, each passing {@code valid}, else an error saying {@code rule}. */
  public List<Double> numbers(String key, List<Double> byDefault, DoublePredicate valid, String rule) {
    Object value = given.get(key);
    if (value == null || value instanceof List<?> list && list.isEmpty()) {
      return byDefault;
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(key, "expected a list of numbers, got '" + value + "'");
    }
    List<Double> numbers = new ArrayList<>(list.size());
    for (Object item : list) {
      double number = number(key, item, "a list of numbers");
      if (!valid.test(number)) {
        throw new ConfigException(key, rule + ", got " + number);
      }
      numbers.add(number);
    }
    return numbers;
  }

  private static double number(String key, Object value, String expected) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected " + expected + ", got '" + value + "'");
    }
  }
}
