package dev.livelog.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plot group, the seed's {@code PLOT_SET} entry: one chart per period whose series come from
 * its analyzers. {@code where} filters every analyzer of the group (and is the total a
 * {@code share} is taken of); {@code chart} holds display options such as {@code type} and
 * {@code y_max}.
 */
public record GroupConfig(
    String label,
    String format,
    Map<String, Object> chart,
    Map<String, Object> where,
    List<AnalyzerConfig> analyzers) {

  public GroupConfig {
    format = format == null ? "%.2f" : format;
    chart = chart == null ? Map.of() : new LinkedHashMap<>(chart);
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
    analyzers = analyzers == null ? List.of() : List.copyOf(analyzers);
  }
}
