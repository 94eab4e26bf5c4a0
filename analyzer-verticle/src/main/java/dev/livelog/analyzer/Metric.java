package dev.livelog.analyzer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a series measures over a window. */
public enum Metric {
  /** Matching events. */
  COUNT(false),
  /** Matching events per second of the window. */
  RATE(false),
  /** Percent of the group's events (those passing the group's where) that match. */
  SHARE(false),
  AVG(true),
  SUM(true),
  MIN(true),
  MAX(true),
  /** The values at the analyzer's percentiles (HdrHistogram, within 1%). */
  PERCENTILE(true),
  /** The N most frequent values of the field, with their counts. */
  TOP(true);

  private final boolean needsField;

  Metric(boolean needsField) {
    this.needsField = needsField;
  }

  public boolean needsField() {
    return needsField;
  }

  public static Metric named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown metric '" + name + "'; use one of: "
          + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")));
    }
  }
}
