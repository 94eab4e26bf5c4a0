package dev.livelog.bench;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.ValueTypes;
import dev.livelog.parser.regex.NamedGroupRegex;
import dev.livelog.parser.regex.RegexLineParser;
import java.util.Map;

/** The parsers the benchmarks compare, by name: the built-ins, and regex peers. */
final class BenchFormats {
  /** nginx combined as people write it with java.util.regex: the peer of the scanner. */
  static final String COMBINED_REGEX = "^(?<remote_addr>\\S+) - (?<remote_user>\\S+) "
      + "\\[(?<time_local>[^\\]]+)\\] \"(?<request>(?:[^\"\\\\]|\\\\.)*)\" (?<status>\\d{3}) "
      + "(?<body_bytes_sent>\\d+|-) \"(?<http_referer>(?:[^\"\\\\]|\\\\.)*)\" "
      + "\"(?<http_user_agent>(?:[^\"\\\\]|\\\\.)*)\"$";

  private BenchFormats() {}

  static LineParser parser(String format) {
    return switch (format) {
      case "combined_regex" -> new RegexLineParser(NamedGroupRegex.compile(COMBINED_REGEX),
          Map.of("time_local", ValueTypes.named("%d/%b/%Y:%H:%M:%S %z"),
              "status", ValueTypes.INTEGER, "body_bytes_sent", ValueTypes.INTEGER), "time_local",
          false);
      default -> Formats.compile(FormatConfig.of("builtin", format));
    };
  }
}
