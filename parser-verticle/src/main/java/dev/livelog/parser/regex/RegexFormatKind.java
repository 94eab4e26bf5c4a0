package dev.livelog.parser.regex;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.ValueTypes;
import java.util.HashSet;

/** {@code regex: ...}: a regex whose named groups (Java or Python style) are the fields. */
public final class RegexFormatKind implements FormatKind {
  @Override
  public String name() {
    return "regex";
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    NamedGroupRegex regex;
    try {
      regex = NamedGroupRegex.compile(format.text("regex"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("regex", e.getMessage());
    }
    return new RegexLineParser(regex,
        ValueTypes.declared(format.types(), new HashSet<>(regex.fields())), format.timeField());
  }

  @Override
  public String definition(FormatConfig format) {
    return "regex: " + format.settings().get("regex");
  }
}
