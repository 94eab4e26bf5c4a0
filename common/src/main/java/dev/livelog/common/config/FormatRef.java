package dev.livelog.common.config;

/** A source's format: a name (built-in or under {@code formats}) or a format written inline. */
public record FormatRef(String name, FormatConfig inline) {

  public static FormatRef named(String name) {
    return new FormatRef(name, null);
  }

  public static FormatRef inline(FormatConfig format) {
    return new FormatRef(null, format);
  }

  @Override
  public String toString() {
    return name != null ? name : "inline format";
  }
}
