package dev.livelog.parser.derive;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.DeriveConfig;
import dev.livelog.common.event.FieldValues;
import dev.livelog.parser.ValueType;
import dev.livelog.parser.ValueTypes;
import dev.livelog.parser.regex.GroupMatcher;
import dev.livelog.parser.regex.NamedGroupRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field derived after parsing (see {@link DeriveConfig}): a regex searched in another
 * field's text, giving a value built from its groups, or the {@code else} value.
 */
final class DerivedField {
  private static final Pattern REFERENCE = Pattern.compile("\\$(\\d|\\{([A-Za-z_][A-Za-z0-9_]*)})");

  final String name;
  final String from;
  private final GroupMatcher matcher;
  /** The value's pieces: literal text, or a group number (as an Integer). */
  private final List<Object> template;
  private final Object otherwise;
  private final ValueType type;

  private DerivedField(String name, String from, GroupMatcher matcher, List<Object> template,
      Object otherwise, ValueType type) {
    this.name = name;
    this.from = from;
    this.matcher = matcher;
    this.template = template;
    this.otherwise = otherwise;
    this.type = type;
  }

  /**
   * @throws ConfigException naming the sub-field ({@code from}, {@code regex}, {@code value},
   *     {@code type}) and the reason
   */
  static DerivedField compile(String name, DeriveConfig c) {
    if (c.from() == null || c.from().isBlank()) {
      throw new ConfigException("from", "required: the field to derive '" + name + "' from");
    }
    if (c.regex() == null) {
      throw new ConfigException("regex", "required: what to search in '" + c.from() + "'");
    }
    NamedGroupRegex regex;
    try {
      regex = NamedGroupRegex.compileAny(c.regex());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("regex", e.getMessage());
    }
    ValueType type;
    try {
      type = c.type() == null ? ValueTypes.TEXT : ValueTypes.named(c.type());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("type", e.getMessage() + "; known types: " + ValueTypes.KNOWN);
    }
    String value = c.value() != null ? c.value() : regex.groupCount() > 0 ? "$1" : "$0";
    Object otherwise;
    try {
      otherwise = c.orElse() == null ? null : type.convert(c.orElse());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("else", e.getMessage());
    }
    return new DerivedField(name, c.from(), regex.newMatcher(), template(value, regex), otherwise, type);
  }

  private static List<Object> template(String value, NamedGroupRegex regex) {
    List<Object> pieces = new ArrayList<>();
    Matcher m = REFERENCE.matcher(value);
    int at = 0;
    while (m.find()) {
      pieces.add(value.substring(at, m.start()));
      int group = m.group(2) != null ? regex.groupNumber(m.group(2)) : Integer.parseInt(m.group(1));
      if (group < 0 || group > regex.groupCount()) {
        throw new ConfigException("value", "'" + m.group() + "' names no group of the regex");
      }
      pieces.add(group);
      at = m.end();
    }
    pieces.add(value.substring(at));
    return pieces;
  }

  /**
   * The derived value for a source value (absent reads as empty text).
   *
   * @throws IllegalArgumentException when the result does not convert to the type
   */
  Object derive(Object source) {
    String text = FieldValues.toText(source);
    if (!matcher.find(text)) {
      return otherwise;
    }
    StringBuilder out = new StringBuilder();
    for (Object piece : template) {
      if (piece instanceof Integer g) {
        int start = matcher.start(g);
        if (start >= 0) {
          out.append(text, start, matcher.end(g));
        }
      } else {
        out.append((String) piece);
      }
    }
    return type.convert(out.toString());
  }
}
