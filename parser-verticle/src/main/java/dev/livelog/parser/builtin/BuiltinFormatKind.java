package dev.livelog.parser.builtin;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.BuiltinFormat;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code builtin: NAME}: a built-in format, with the types and time field the config adds to
 * it (e.g. {@code {builtin: json, types: {ms: epoch}, time_field: ms}}).
 */
public final class BuiltinFormatKind implements FormatKind {
  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    FormatConfig builtin = named(format).config();
    Map<String, String> types = new LinkedHashMap<>(builtin.types());
    types.putAll(format.types());
    return scope.compile(builtin.withTypes(types).withTimeField(format.timeField()));
  }

  @Override
  public String definition(FormatConfig format) {
    return "built-in " + format.settings().get("builtin");
  }

  private static BuiltinFormat named(FormatConfig format) {
    return Formats.builtins().named("builtin", format.text("builtin"));
  }
}
