package dev.livelog.parser;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.nginx.NginxLineParser;
import dev.livelog.parser.nginx.NginxLogFormat;
import dev.livelog.parser.regex.NamedGroupRegex;
import dev.livelog.parser.regex.RegexLineParser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The formats livelog knows by name and the compiler from a {@link FormatConfig} to a
 * {@link LineParser}. A config's own {@code formats} may add names, not replace built-ins.
 */
public final class Formats {
  /** The seed's cache log (nginx with {@code $upstream_cache_status}), as a seed-style regex. */
  public static final String SEED_CACHE_REGEX = String.join(" ",
      "\\*\\*\\*(?P<time>\\S+ -\\d{4})",
      "ups_ad: (?P<ups_ad>.*)",
      "ups_rt: (?P<ups_rt>.*)",
      "cache: (?P<status>HIT|MISS|EXPIRED|UPDATING|STALE|BYPASS|REVALIDATED|-)",
      "(?P<domain>\\S+)",
      "\"(?P<request>.*)\"",
      "\\((?P<http_status>\\d{3})\\)",
      "media: (?P<media>.*)",
      "wp_login: (?P<wp_login>.*)");

  private static final Map<String, Builtin> BUILTIN = new LinkedHashMap<>();

  /** A built-in format and what it is for, as {@code livelog formats} lists it. */
  public record Builtin(String name, String description, FormatConfig config) {}

  static {
    nginx("combined", "nginx and Apache combined access log",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\"");
    nginx("main", "nginx.conf's default 'main' format: combined plus X-Forwarded-For",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"");
    nginx("common", "Apache common log format (%h %l %u %t \"%r\" %>s %b)",
        "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
    BUILTIN.put("seed_cache", new Builtin("seed_cache",
        "the seed talk's nginx cache log: cache status, upstream address and response time",
        new FormatConfig(SEED_CACHE_REGEX, null, null,
            Map.of("time", "%d/%b/%Y:%H:%M:%S %z", "ups_rt", "seconds", "http_status", "int"),
            "time")));
  }

  private Formats() {}

  private static void nginx(String name, String description, String logFormat) {
    BUILTIN.put(name, new Builtin(name, description,
        new FormatConfig(null, logFormat, null, null, null)));
  }

  public static Map<String, Builtin> builtins() {
    return java.util.Collections.unmodifiableMap(BUILTIN);
  }

  /**
   * Resolves a source's format reference against the config's {@code formats} and the
   * built-ins.
   *
   * @throws ConfigException naming the known formats when the name is unknown
   */
  public static FormatConfig resolve(FormatRef ref, Map<String, FormatConfig> defined) {
    if (ref.inline() != null) {
      return ref.inline();
    }
    FormatConfig f = defined.get(ref.name());
    if (f == null && BUILTIN.containsKey(ref.name())) {
      f = BUILTIN.get(ref.name()).config();
    }
    if (f == null) {
      throw new ConfigException("", "unknown format '" + ref.name() + "'; built-in: "
          + String.join(", ", BUILTIN.keySet())
          + (defined.isEmpty() ? "" : "; defined under formats: " + String.join(", ", defined.keySet())));
    }
    return f;
  }

  /**
   * A new parser for a format (parsers are single-threaded: compile one per thread).
   *
   * @throws ConfigException naming the sub-field ({@code regex}, {@code types.x}, ...) and why
   */
  public static LineParser compile(FormatConfig f) {
    int kinds = (f.regex() != null ? 1 : 0) + (f.nginx() != null ? 1 : 0)
        + (f.builtin() != null ? 1 : 0);
    if (kinds != 1) {
      throw new ConfigException("", "set exactly one of regex, nginx or builtin");
    }
    if (f.builtin() != null) {
      return compile(resolve(FormatRef.named(f.builtin()), Map.of()));
    }
    if (f.nginx() != null) {
      try {
        return new NginxLineParser(NginxLogFormat.parse(f.nginx()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("nginx", e.getMessage());
      }
    }
    NamedGroupRegex regex;
    try {
      regex = NamedGroupRegex.compile(f.regex());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("regex", e.getMessage());
    }
    Map<String, ValueType> types = new HashMap<>();
    f.types().forEach((field, type) -> {
      if (!regex.fields().contains(field)) {
        throw new ConfigException("types." + field, "the regex has no group named '" + field
            + "'; its groups: " + String.join(", ", regex.fields()));
      }
      try {
        types.put(field, ValueTypes.named(type));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("types." + field, e.getMessage() + "; known types: "
            + ValueTypes.KNOWN);
      }
    });
    return new RegexLineParser(regex, types, f.timeField());
  }

  /** A new parser for a source of the config. */
  public static LineParser forSource(SourceConfig source, LivelogConfig config) {
    return compile(resolve(source.format(), config.formats()));
  }

  /**
   * Compiles every format of a config and every source's format, so that a bad regex or an
   * unknown format name is reported before anything starts.
   */
  public static void validate(LivelogConfig config) {
    config.formats().forEach((name, f) -> {
      if (BUILTIN.containsKey(name)) {
        throw new ConfigException("formats." + name, "'" + name
            + "' is a built-in format; give yours another name");
      }
      try {
        compile(f);
      } catch (ConfigException e) {
        throw e.under("formats." + name);
      }
    });
    for (int i = 0; i < config.sources().size(); i++) {
      SourceConfig s = config.sources().get(i);
      try {
        forSource(s, config);
      } catch (ConfigException e) {
        throw e.under("sources[" + i + "].format");
      }
    }
  }
}
