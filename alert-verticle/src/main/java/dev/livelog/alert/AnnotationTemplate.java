package dev.livelog.alert;

import dev.livelog.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An annotation's text with placeholders as Prometheus writes them: {@code {{ $value }}} (the
 * value the alert is judged on, in the group's format), {@code {{ $threshold }}} and
 * {@code {{ $labels.NAME }}}. Parsed once; an unknown placeholder is a config error.
 */
final class AnnotationTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");

  /** Literal text, or a placeholder: {@code $value}, {@code $threshold}, or a label's name. */
  private record Part(String literal, String placeholder, String label) {}

  private final List<Part> parts;

  private AnnotationTemplate(List<Part> parts) {
    this.parts = parts;
  }

  /**
   * @param labels the labels the alert will have
   * @throws ConfigException on {@code field} for a placeholder it does not know
   */
  static AnnotationTemplate parse(String field, String text, Set<String> labels) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      parts.add(new Part(text.substring(at, m.start()), null, null));
      String inside = m.group(1);
      Matcher label = LABEL.matcher(inside);
      if (inside.equals("$value") || inside.equals("$threshold")) {
        parts.add(new Part(null, inside, null));
      } else if (label.matches() && labels.contains(label.group(1))) {
        parts.add(new Part(null, null, label.group(1)));
      } else {
        throw new ConfigException(field, "unknown placeholder {{ " + inside + " }}; use"
            + " {{ $value }}, {{ $threshold }} or {{ $labels.NAME }} with NAME one of "
            + String.join(", ", labels.stream().sorted().toList()));
      }
      at = m.end();
    }
    parts.add(new Part(text.substring(at), null, null));
    return new AnnotationTemplate(parts);
  }

  String render(String value, String threshold, Map<String, String> labels) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p.literal() != null) {
        out.append(p.literal());
      } else if (p.label() != null) {
        out.append(labels.getOrDefault(p.label(), ""));
      } else {
        out.append(p.placeholder().equals("$value") ? value : threshold);
      }
    }
    return out.toString();
  }
}
