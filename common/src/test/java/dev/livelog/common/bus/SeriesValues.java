package dev.livelog.common.bus;

import java.util.LinkedHashMap;
import java.util.Map;

/** A datapoint's values for tests, written inline; a null value is a series without one. */
public final class SeriesValues {
  private SeriesValues() {}

  /** {@code "2xx", 95.5, "5xx", null, ...}: each series' name, then its value. */
  public static Map<String, Double> of(Object... seriesAndValues) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < seriesAndValues.length; i += 2) {
      Number n = (Number) seriesAndValues[i + 1];
      values.put((String) seriesAndValues[i], n == null ? null : n.doubleValue());
    }
    return values;
  }
}
