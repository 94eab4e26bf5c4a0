package dev.livelog.analyzer;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldValues;

/**
 * How a {@code by} field's value becomes a series key: as it is, as a class of numbers
 * ({@code by_class}: 503 becomes 5xx), or as a path prefix ({@code by_prefix: 2}:
 * {@code /blog/2024/post?x=1} becomes {@code /blog/2024}).
 */
interface ByValue {
  /** The key, or null when the event has no value (it feeds no series). */
  String key(Object value);

  static ByValue of(AnalyzerConfig config) {
    if (config.byClass()) {
      return v -> {
        double d = FieldValues.toDouble(v);
        return Double.isNaN(d) ? null : (long) Math.floor(d / 100) + "xx";
      };
    }
    if (config.byPrefix() != null) {
      int segments = config.byPrefix();
      return v -> v == null ? null : prefix(FieldValues.toText(v), segments);
    }
    return v -> v == null ? null : FieldValues.toText(v);
  }

  private static String prefix(String path, int segments) {
    int end = path.length();
    int q = path.indexOf('?');
    if (q >= 0) {
      end = q;
    }
    int slashes = 0;
    for (int i = 0; i < end; i++) {
      if (path.charAt(i) == '/' && i > 0 && ++slashes == segments) {
        return path.substring(0, i);
      }
    }
    return path.substring(0, end);
  }
}
