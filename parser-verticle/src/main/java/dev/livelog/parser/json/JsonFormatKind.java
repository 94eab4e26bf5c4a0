package dev.livelog.parser.json;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.ValueTypes;
import java.util.Map;

/**
 * {@code json: {field: key, ...}}: one JSON object per line, the fields taken from the keys the
 * mapping names (dots reach into nested objects); an empty mapping takes every key.
 */
public final class JsonFormatKind implements FormatKind {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    Map<String, String> mapping = format.textMapping("json");
    mapping.forEach((field, key) -> {
      if (key == null || key.isBlank()) {
        throw new ConfigException("json." + field, "the JSON key holding '" + field
            + "' is required, e.g. " + field + ": upstream.response_time");
      }
    });
    return new JsonLineParser(mapping,
        ValueTypes.declared(format.types(), mapping.isEmpty() ? null : mapping.keySet()),
        format.timeField());
  }

  @Override
  public String definition(FormatConfig format) {
    Map<String, String> mapping = format.textMapping("json");
    return mapping.isEmpty() ? "json: every key of each line's object" : "json: " + mapping;
  }
}
