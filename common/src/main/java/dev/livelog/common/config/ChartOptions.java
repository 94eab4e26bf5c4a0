package dev.livelog.common.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code chart:} options the dashboard understands, for a plot group or, as defaults for
 * every group, for a period (the seed's {@code default_flot_options}): {@code type},
 * {@code y_min}, {@code y_max}, {@code height} (pixels) and {@code colors} (series name to a
 * {@code #rrggbb} color). A group's own options win over its period's.
 */
public final class ChartOptions {
  static final List<String> CHART_TYPES = List.of("stacked", "bar", "area", "line");
  private static final Set<String> KEYS = Set.of("type", "y_min", "y_max", "height", "colors");

  private ChartOptions() {}

  /**
   * @param field where the options are, for the error ({@code groups.cache0.chart})
   * @param tables whether {@code type: table} (a top-N table instead of a chart) is allowed
   */
  static void validate(String field, Map<String, Object> chart, boolean tables) {
    for (Map.Entry<String, Object> option : chart.entrySet()) {
      String key = option.getKey();
      Object value = option.getValue();
      String at = field + "." + key;
      switch (key) {
        case "type" -> {
          boolean known = CHART_TYPES.contains(value) || (tables && "table".equals(value));
          if (!known) {
            throw new ConfigException(at, "expected one of " + String.join(", ", CHART_TYPES)
                + (tables ? ", table" : "") + "; got '" + value + "'");
          }
        }
        case "y_min", "y_max" -> {
          if (!(value instanceof Number)) {
            throw new ConfigException(at, "expected a number, got '" + value + "'");
          }
        }
        case "height" -> {
          if (!(value instanceof Integer h) || h < 80 || h > 2000) {
            throw new ConfigException(at, "expected a height in pixels from 80 to 2000, got '" + value + "'");
          }
        }
        case "colors" -> {
          // #rrggbb only: the page derives an area's translucent fill from it.
          if (!(value instanceof Map<?, ?> colors) || !colors.values().stream()
              .allMatch(c -> c instanceof String text && text.matches("#[0-9a-fA-F]{6}"))) {
            throw new ConfigException(at, "expected series names with #rrggbb colors, e.g. {HIT: \"#2e7d32\"}");
          }
        }
        default -> throw new ConfigException(at, "unknown chart option; expected one of: "
            + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
  }
}
