package dev.livelog.parser.builtin;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.parser.BuiltinFormat;
import java.util.Map;

/** The seed talk's nginx cache log, as its seed-style regex (Python group names). */
public final class SeedCacheFormat implements BuiltinFormat {
  /** The seed's cache log (nginx with {@code $upstream_cache_status}), as a seed-style regex. */
  public static final String REGEX = String.join(" ",
      "\\*\\*\\*(?P<time>\\S+ -\\d{4})",
      "ups_ad: (?P<ups_ad>.*)",
      "ups_rt: (?P<ups_rt>.*)",
      "cache: (?P<status>HIT|MISS|EXPIRED|UPDATING|STALE|BYPASS|REVALIDATED|-)",
      "(?P<domain>\\S+)",
      "\"(?P<request>.*)\"",
      "\\((?P<http_status>\\d{3})\\)",
      "media: (?P<media>.*)",
      "wp_login: (?P<wp_login>.*)");

  @Override
  public String name() {
    return "seed_cache";
  }

  @Override
  public String description() {
    return "the seed talk's nginx cache log: cache status, upstream address and response time";
  }

  @Override
  public FormatConfig config() {
    return FormatConfig.of("regex", REGEX).withTypes(
        Map.of("time", "%d/%b/%Y:%H:%M:%S %z", "ups_rt", "seconds", "http_status", "int"));
  }
}
